"""Command line called by noxfile.py: `bump` (nox -s release) and `publish` (nox -s publish)."""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
import tempfile
from pathlib import Path

from release import apidiff, baseline, changelog, project
from release.publish import REBUILD, IndexConfig, PublishFailed, PublishRefused, dist_version, publish


def bump(ref: str | None, generated: Path, today: str) -> str:
    """Compare `generated` with the last release, bump pyproject.toml, prepend to CHANGELOG.md."""
    current = project.read_version()
    ref = ref or baseline.tag_for(current)
    with tempfile.TemporaryDirectory() as tmp:
        old_tree = baseline.extract_generated(ref, Path(tmp))
        # A version the release had and the list no longer has keeps the name it was released under.
        names = {**baseline.version_names(ref), **apidiff.listed_versions()}
        changes = apidiff.compare(old_tree, generated, names)
    level = apidiff.bump_level(changes)
    version = apidiff.next_version(current, level)
    entry = changelog.render_entry(version, level, changes, today)
    project.write_version(version)
    text = project.CHANGELOG.read_text(encoding="utf-8") if project.CHANGELOG.exists() else ""
    project.CHANGELOG.write_text(changelog.prepend_entry(text, entry), encoding="utf-8")
    print(f"{changelog.summary(current, version, level, changes, ref)}\n\n{entry}")
    return version


def _publish(dist: Path, tag: bool, repo: Path) -> None:
    from generator import pipeline  # noqa: PLC0415 (the pipeline's deps are needed only here)

    name = baseline.tag_for(dist_version(dist))
    if tag and _git(repo, "tag", "--list", name).strip():
        # Before the upload: afterwards, a clash would leave a published version untagged.
        raise PublishRefused(f"tag {name} already exists: that version was released; {REBUILD}")
    version = publish(dist, IndexConfig.from_env(), drift=pipeline.drift, repo=repo)
    print(f"published {' and '.join(project.DISTRIBUTIONS)} {version}")
    if not tag:
        return
    # The tag is the next release's baseline, so it must name the commit that holds this version.
    committed = _git(repo, "show", "HEAD:pyproject.toml")
    if project.version_in(committed) != version:
        raise PublishFailed(
            f"published {version} but did not tag it: HEAD is not at {version}; "
            f"tag the commit that holds it with `git tag {name} <commit>` and push the tag"
        )
    try:
        _git(repo, "tag", name)
    except PublishFailed as exc:
        raise PublishFailed(
            f"published {version} but did not tag it ({exc}): tag HEAD with `git tag {name}` and push the tag"
        ) from None
    print(f"tagged HEAD {name}, the baseline of the next release: push it with `git push origin {name}`")


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PublishFailed(f"`git {' '.join(args)}` failed: {result.stderr.strip()}")
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    """Run one release command; print a clear message and return 1 on refusal."""
    parser = argparse.ArgumentParser(prog="python -m release", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    bump_cmd = commands.add_parser("bump", help="set the version and changelog from the API diff")
    bump_cmd.add_argument("--baseline", help="git ref of the last release (default: tag v<current version>)")
    bump_cmd.add_argument("--generated", type=Path, default=project.REPO / "generated")
    publish_cmd = commands.add_parser("publish", help="upload dist/* to the private index")
    publish_cmd.add_argument("--dist", type=Path, default=project.REPO / "dist")
    publish_cmd.add_argument(
        "--no-tag", action="store_true", help="do not tag HEAD v<version> after the upload"
    )
    publish_cmd.add_argument("--repo", type=Path, default=project.REPO, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.command == "bump":
            bump(args.baseline, args.generated, datetime.date.today().isoformat())
        else:
            _publish(args.dist, tag=not args.no_tag, repo=args.repo)
    except (baseline.BaselineError, PublishRefused) as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    except PublishFailed as exc:
        # Something was (or may have been) uploaded, but the release did not complete.
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
