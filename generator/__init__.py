"""The generation pipeline: OpenAPI document -> generated package + overlays.

Modules, in the order the pipeline uses them:
- document: load, validate and lint openapi/partner-clients.yaml;
- codegen: run the pinned openapi-python-client with generator/config.yaml
  and the template overrides in generator/templates/;
- overlays: apply overlays/ (modules and checked patches) to the output;
- pipeline: stage, format, then swap into generated/ (or diff against it).

noxfile.py calls these through ``python -m generator``.
"""
