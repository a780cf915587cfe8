"""Command line of the pipeline, called by noxfile.py: generate, check, validate or conformance."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import conformance, document, pipeline, versions
from generator.generation_error import GenerationError


def main(argv: list[str] | None = None) -> int:
    """Run one pipeline command; print a clear message and return 1 on failure."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("command", choices=["generate", "check", "validate", "conformance"])
    parser.add_argument("--document", type=Path, help="the OpenAPI document (default: the root version's)")
    parser.add_argument("--target", type=Path, default=pipeline.GENERATED, help="the generated tree")
    parser.add_argument(
        "--hubspot", type=Path, help="HubSpot's document (conformance; with --document and --deviations)"
    )
    parser.add_argument("--deviations", type=Path, help="the deliberate deviations (conformance)")
    args = parser.parse_args(argv)
    try:
        if args.command == "conformance":
            one = (args.document, args.hubspot, args.deviations)
            if one == (None, None, None):
                return _conformance_of_every_version()
            if None in one:
                parser.error("conformance of one document takes --document, --hubspot and --deviations")
            return _conformance(args.document, args.hubspot, args.deviations)
        args.document = args.document or pipeline.DOCUMENT
        if args.command == "validate":
            document.validate_document(args.document)
            print(f"{args.document}: valid")
        elif args.command == "generate":
            pipeline.generate(args.document, args.target)
            print(f"regenerated {args.target} from {args.document}")
        else:
            diff = pipeline.drift(args.document, args.target)
            if diff:
                sys.stdout.write(diff)
                print(
                    f"\n{args.target} differs from a fresh generation (diff above). "
                    "Run `nox -s generate` and commit the result; never edit generated/ by hand."
                )
                return 1
            print(f"{args.target} matches a fresh generation")
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _conformance_of_every_version() -> int:
    """Each version of openapi/versions.toml against HubSpot's document for it; 1 if any fails."""
    failed = [version.name for version in versions.load() if _conformance(*_documents(version), version.name)]
    if failed:
        print(f"conformance: failed for {', '.join(failed)}")
    return 1 if failed else 0


def _documents(version: versions.Version) -> tuple[Path, Path, Path]:
    return version.document, version.hubspot, version.deviations


def _conformance(ours: Path, hubspot: Path, deviations: Path, name: str = "") -> int:
    version = f" {name}" if name else ""
    report = conformance.run(ours, hubspot, deviations)
    if report is None:
        print(
            f"conformance{version}: skipped, HubSpot's document {hubspot} is not here"
            " (a clone outside the workspace)"
        )
        return 0
    print(f"{version.strip() or 'document'}: {ours.name} against {hubspot.name}:\n{report}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
