"""What both DAGs share: the project's CLI as a templated Spark step, its JVM flags and the cut-off.

Not a DAG (``dags/.airflowignore`` keeps the DAG processor out of this folder); the DAG files
import it, as Airflow puts the DAGs folder on ``sys.path``. Deploy it beside the DAG files.
"""

from __future__ import annotations

import json
from typing import Any

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

TIME_ZONE = "Asia/Shanghai"
DEFAULT_MAIN_CLASS = "com.dispatch.quality.cli.QualityCli"

# Copy of <jvm.flags> in the root pom.xml (a test keeps them equal): Spark on Java 17 needs the
# add-opens, and Hadoop's Woodstox must not hijack the StAX factories Jasper uses.
JVM_FLAGS = (
    "-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED "
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED "
    "--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED "
    "--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED "
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED "
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED "
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED "
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED "
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false "
    "-Dio.netty.tryReflectionSetAccessible=true "
    "-Djavax.xml.stream.XMLInputFactory=com.ctc.wstx.stax.WstxInputFactory "
    "-Djavax.xml.stream.XMLOutputFactory=com.ctc.wstx.stax.WstxOutputFactory "
    "-Djava.awt.headless=true -Duser.timezone=UTC -Dfile.encoding=UTF-8"
)
DEFAULT_SPARK_CONF = {
    "spark.driver.extraJavaOptions": JVM_FLAGS,
    "spark.executor.extraJavaOptions": JVM_FLAGS,
}

# Templates, rendered when a task runs (never at parse time, so parsing needs no database).
APP_JAR = "{{ var.value.quality_app_jar }}"
LANDING = "{{ var.value.quality_landing_uri }}"
LAKE = "{{ var.value.quality_lake_uri }}"
OUT = "{{ var.value.quality_out_uri }}"
MAIN_CLASS = "{{ var.value.get('quality_main_class', '" + DEFAULT_MAIN_CLASS + "') }}"
SPARK_CONN_ID = "{{ var.value.get('quality_spark_conn_id', 'spark_default') }}"
SPARK_CONF = "{{ var.value.get('quality_spark_conf', '{}') }}"


def run_instant(dag_run: Any) -> pendulum.DateTime:
    """The run's logical date in Shanghai time; Airflow 3 manual runs may have none: their trigger time."""
    when = dag_run.logical_date or dag_run.run_after
    return pendulum.instance(when).in_timezone(TIME_ZONE)


def cut_off(params: dict, dag_run: Any) -> str:
    """The run's as_of: params.as_of, else the logical date, so a rerun sees the same world."""
    if params.get("as_of"):
        return params["as_of"]
    return run_instant(dag_run).isoformat()


class QualityCliSubmit(SparkSubmitOperator):
    """SparkSubmitOperator whose connection id, main class and Spark conf are templated too."""

    template_fields = (*SparkSubmitOperator.template_fields, "spark_conn_id", "main_class", "spark_conf_json")

    def __init__(self, *, spark_conn_id: str, main_class: str, spark_conf_json: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spark_conn_id = spark_conn_id
        self.main_class = main_class
        self.spark_conf_json = spark_conf_json

    def execute(self, context: Any) -> None:
        overrides = json.loads(self.spark_conf_json or "{}")
        if not isinstance(overrides, dict):
            raise ValueError("Variable quality_spark_conf must be a JSON object of Spark properties")
        self._conn_id = self.spark_conn_id
        self._java_class = self.main_class
        self.conf = {**DEFAULT_SPARK_CONF, **(self.conf or {}), **overrides}
        return super().execute(context)


def cli_step(task_id: str, args: list[str], name: str, **kwargs: Any) -> QualityCliSubmit:
    """`quality <args>` as a task: the project's jar, main class, Spark connection and conf from Variables."""
    return QualityCliSubmit(
        task_id=task_id,
        application=APP_JAR,
        application_args=args,
        main_class=MAIN_CLASS,
        spark_conn_id=SPARK_CONN_ID,
        spark_conf_json=SPARK_CONF,
        name=name,
        **kwargs,
    )
