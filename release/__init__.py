"""Releasing the SDK: the version from the API diff, the changelog, and publishing to the private index.

`nox -s release` runs `python -m release bump`; `nox -s publish` runs `python -m release publish`.
The logic lives in importable modules (apidiff, changelog, project, baseline, publish) so tests
exercise exactly what the sessions run.
"""
