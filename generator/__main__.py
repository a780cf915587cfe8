"""Command line of the pipeline, called by noxfile.py: generate, check, validate or conformance."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import conformance, document, pipeline
from generator.generation_error import GenerationError


def main(argv: list[str] | None = None) -> int:
    """Run one pipeline command; print a clear message and return 1 on failure."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("command", choices=["generate", "check", "validate", "conformance"])
    parser.add_argument("--document", type=Path, default=pipeline.DOCUMENT, help="the OpenAPI document")
    parser.add_argument("--target", type=Path, default=pipeline.GENERATED, help="the generated tree")
    parser.add_argument("--hubspot", type=Path, default=pipeline.HUBSPOT_DOCUMENT, help="HubSpot's document")
    parser.add_argument(
        "--deviations", type=Path, default=pipeline.DEVIATIONS, help="the deliberate deviations"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "conformance":
            return _conformance(args.document, args.hubspot, args.deviations)
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


def _conformance(ours: Path, hubspot: Path, deviations: Path) -> int:
    report = conformance.run(ours, hubspot, deviations)
    if report is None:
        print(
            f"conformance: skipped, HubSpot's document {hubspot} is not here (a clone outside the workspace)"
        )
        return 0
    print(f"{ours} against {hubspot.name}:\n{report}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
