"""Dagster code location for the marketing-attribution pipeline.

floe-gitops mounts the compiled configuration at /etc/floe and sets DBT_PROFILES_DIR and
FLOE_COMPILED_ARTIFACTS; this module turns the dbt project into assets and the floe.yaml schedules
into Dagster schedules. It reads no endpoint and no credential: the rendered profiles.yml takes
those from environment variables bound to Kubernetes Secrets.
"""

import json
import os
from pathlib import Path

from dagster import AssetSelection, Definitions, ScheduleDefinition, define_asset_job
from dagster_dbt import DbtCliResource, dbt_assets

PROJECT_DIR = Path(__file__).resolve().parent.parent / "attribution_dbt"
ARTIFACTS = json.loads(Path(os.environ["FLOE_COMPILED_ARTIFACTS"]).read_text())

dbt = DbtCliResource(project_dir=os.fspath(PROJECT_DIR), target=ARTIFACTS["dbt"]["target"])

# Parse at start-up against the rendered profile, so the manifest matches this environment.
MANIFEST = dbt.cli(["--quiet", "parse"], target_path=Path("target")).wait().target_path / "manifest.json"


@dbt_assets(manifest=MANIFEST)
def attribution_models(context, dbt: DbtCliResource):
    yield from dbt.cli(["build"], context=context).stream()


def _model_names(transform_names):
    """dbt model names (file stems) of the named transforms, from the compiled model lists."""
    names = []
    for transform in ARTIFACTS["transforms"]:
        if transform["name"] in transform_names:
            for model in transform.get("models", []):
                path = model["path"] if isinstance(model, dict) else model
                names.append(Path(path).stem)
    return names


def _job_for(schedule):
    names = _model_names(schedule["transforms"])
    selection = AssetSelection.keys(*names) if names else AssetSelection.assets(attribution_models)
    return define_asset_job(f"{schedule['name']}_job", selection=selection)


schedules = [
    ScheduleDefinition(
        name=schedule["name"],
        cron_schedule=schedule["cron"],
        execution_timezone=schedule.get("timezone", "UTC"),
        job=_job_for(schedule),
    )
    for schedule in ARTIFACTS["schedules"]
]

defs = Definitions(assets=[attribution_models], schedules=schedules, resources={"dbt": dbt})
