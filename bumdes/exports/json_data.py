"""JSON: the report's own data (dates as ISO strings, rupiah as integers). The trial balance is
the plain list `[{code, name, debit, credit}]`."""

import dataclasses
import json

from django.core.serializers.json import DjangoJSONEncoder

from bumdes.reports import TrialBalance


def report_data(report):
    if isinstance(report, TrialBalance):
        return report.as_list()
    data = dataclasses.asdict(report)
    for name in dir(type(report)):
        if isinstance(getattr(type(report), name), property):
            value = getattr(report, name)
            data[name] = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value
    return data


def render_json(report) -> str:
    return json.dumps(report_data(report), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
