"""Annotate a Spark DataFrame of articles with `mapInPandas`.

Input: a DataFrame with columns `id` and `text` (here read from JSON lines). Output: `id` and
`document`, the JSON document `loupe annotate` prints for that text (code-point offsets), as a
string column, ready to be written out or parsed with `from_json`. Each Arrow batch is annotated
in one `loupe.annotate_many` call (the GIL released); `threads=1` because Spark already runs
one task per executor core.

    spark-submit python/recipes/spark_mapinpandas.py in.jsonl out_dir/
    python python/recipes/spark_mapinpandas.py in.jsonl out_dir/      # local[*] with pyspark

Every executor needs the `loupe` package installed (`pip install .` at the repository root, or
ship the wheel with `--py-files`/a packed environment).
"""

import json
import sys


def annotate_batches(batches, threads=1):
    """mapInPandas function: pandas DataFrames (id, text) → DataFrames (id, document)."""
    import loupe
    import pandas as pd

    for frame in batches:
        docs = loupe.annotate_many(frame["text"].tolist(), threads=threads)
        yield pd.DataFrame({"id": frame["id"], "document": [json.dumps(d, ensure_ascii=False) for d in docs]})


def annotate_frame(df, threads=1):
    """The DataFrame (id string, document string) of `df` (id, text)."""
    return df.select(df["id"].cast("string").alias("id"), "text").mapInPandas(
        lambda batches: annotate_batches(batches, threads), schema="id string, document string"
    )


def main():
    from pyspark.sql import SparkSession

    if len(sys.argv) != 3:
        sys.exit("usage: spark_mapinpandas.py INPUT.jsonl OUTPUT_DIR")
    spark = SparkSession.builder.appName("loupe-annotate").getOrCreate()
    annotate_frame(spark.read.json(sys.argv[1])).write.mode("overwrite").json(sys.argv[2])
    spark.stop()


if __name__ == "__main__":
    main()
