"""Reads a traintop run directory with TensorBoard's own reader and prints what it found as JSON.

Used by EndToEndTests/TensorBoardEndToEndTests.swift: the test compares these numbers with the
run's metrics.csv, steps.jsonl and events.jsonl. Exit 3 when tensorboard cannot be imported.
Usage: python3 read_events.py RUN_DIRECTORY
"""
import json
import sys

try:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    from tensorboard.plugins.hparams import plugin_data_pb2
except ImportError as error:  # the test skips with this message
    print(f"tensorboard not importable: {error}", file=sys.stderr)
    sys.exit(3)

accumulator = EventAccumulator(sys.argv[1], size_guidance={"scalars": 0, "tensors": 0})
accumulator.Reload()
tags = accumulator.Tags()
scalars = {
    tag: [[e.step, e.value] for e in accumulator.Scalars(tag)] for tag in sorted(tags["scalars"])
}
texts = [
    {"step": e.step, "text": e.tensor_proto.string_val[0].decode("utf-8")}
    for e in accumulator.Tensors("events")
] if "events" in tags["tensors"] else []
hparams = {}
status = None


def plugin_content(name):
    try:
        return accumulator.PluginTagToContent(name)
    except KeyError:
        return {}


content = plugin_content("hparams")
for tag, raw in content.items():
    data = plugin_data_pb2.HParamsPluginData.FromString(raw)
    if data.HasField("session_start_info"):
        for key, value in data.session_start_info.hparams.items():
            hparams[key] = value.string_value if value.HasField("string_value") else value.number_value
    if data.HasField("session_end_info"):
        status = data.session_end_info.status
print(json.dumps({"scalars": scalars, "texts": texts, "hparams": hparams, "status": status,
                  "text_plugin": "events" in plugin_content("text")}))
