"""Dagster code location for the marketing-attribution pipeline.

floe-gitops mounts the compiled configuration at /etc/floe and sets DBT_PROFILES_DIR and
FLOE_COMPILED_ARTIFACTS; this module only turns the dbt project into assets and the floe.yaml
schedules into Dagster schedules. No endpoint or credential is read here.
"""

import json
import os
from pathlib import Path

from dagster import AssetSelection, Definitions, ScheduleDefinition, define_asset_job
from dagster_dbt import DbtCliResource, DbtProject, dbt_assets

PROJECT_DIR = Path(__file__).resolve().parent.parent / "attribution_dbt"
ARTIFACTS = json.loads(Path(os.environ["FLOE_COMPILED_ARTIFACTS"]).read_text())

project = DbtProject(project_dir=PROJECT_DIR, target=ARTIFACTS["dbt"]["target"])
project.prepare_if_dev()


@dbt_assets(manifest=project.manifest_path)
def attribution_models(context, dbt: DbtCliResource):
    yield from dbt.cli(["build"], context=context).stream()


def _job_for(transform_names):
    selects = []
    for transform in ARTIFACTS["transforms"]:
        if transform["name"] in transform_names:
            for model in transform.get("models", []):
                selects.append(model["path"] if isinstance(model, dict) else model)
    selection = AssetSelection.assets(attribution_models).required_multi_asset_neighbors()
    if selects:
        selection = AssetSelection.keys(*[Path(m).stem for m in selects])
    return define_asset_job("__".join(transform_names), selection=selection)


schedules = [
    ScheduleDefinition(
        name=schedule["name"],
        cron_schedule=schedule["cron"],
        execution_timezone=schedule.get("timezone", "UTC"),
        job=_job_for(schedule["transforms"]),
    )
    for schedule in ARTIFACTS["schedules"]
]

defs = Definitions(
    assets=[attribution_models],
    schedules=schedules,
    resources={"dbt": DbtCliResource(project_dir=PROJECT_DIR)},
)
