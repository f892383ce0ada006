"""Contains all the data models used in inputs/outputs

Loaded lazily: each model's module is imported on first use of its name (`make generate`
writes this file with tools/lazy_models.py from the generator's own).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api_root import ApiRoot
    from .api_status import ApiStatus
    from .build_log import BuildLog
    from .build_log_entry import BuildLogEntry
    from .build_status import BuildStatus
    from .children import Children
    from .compile_enqueued import CompileEnqueued
    from .compile_job import CompileJob
    from .compile_result import CompileResult
    from .encoder_mapping import EncoderMapping
    from .error import Error
    from .error_log_entry import ErrorLogEntry
    from .key import Key
    from .keyboard_metrics import KeyboardMetrics
    from .keyboard_metrics_keyboards import KeyboardMetricsKeyboards
    from .keymap import Keymap
    from .keymap_config_type_0 import KeymapConfigType0
    from .keymap_keycodes_type_0_item import KeymapKeycodesType0Item
    from .keymap_skeleton import KeymapSkeleton
    from .kle_conversion import KleConversion
    from .kle_conversion_layouts import KleConversionLayouts
    from .kle_source import KleSource
    from .layout_definition import LayoutDefinition
    from .location_metrics import LocationMetrics
    from .location_metrics_locations import LocationMetricsLocations
    from .message import Message

_MODULES = {
    "ApiRoot": "api_root",
    "ApiStatus": "api_status",
    "BuildLog": "build_log",
    "BuildLogEntry": "build_log_entry",
    "BuildStatus": "build_status",
    "Children": "children",
    "CompileEnqueued": "compile_enqueued",
    "CompileJob": "compile_job",
    "CompileResult": "compile_result",
    "EncoderMapping": "encoder_mapping",
    "Error": "error",
    "ErrorLogEntry": "error_log_entry",
    "Key": "key",
    "KeyboardMetrics": "keyboard_metrics",
    "KeyboardMetricsKeyboards": "keyboard_metrics_keyboards",
    "Keymap": "keymap",
    "KeymapConfigType0": "keymap_config_type_0",
    "KeymapKeycodesType0Item": "keymap_keycodes_type_0_item",
    "KeymapSkeleton": "keymap_skeleton",
    "KleConversion": "kle_conversion",
    "KleConversionLayouts": "kle_conversion_layouts",
    "KleSource": "kle_source",
    "LayoutDefinition": "layout_definition",
    "LocationMetrics": "location_metrics",
    "LocationMetricsLocations": "location_metrics_locations",
    "Message": "message",
}

__all__ = (
    "ApiRoot",
    "ApiStatus",
    "BuildLog",
    "BuildLogEntry",
    "BuildStatus",
    "Children",
    "CompileEnqueued",
    "CompileJob",
    "CompileResult",
    "EncoderMapping",
    "Error",
    "ErrorLogEntry",
    "Key",
    "KeyboardMetrics",
    "KeyboardMetricsKeyboards",
    "Keymap",
    "KeymapConfigType0",
    "KeymapKeycodesType0Item",
    "KeymapSkeleton",
    "KleConversion",
    "KleConversionLayouts",
    "KleSource",
    "LayoutDefinition",
    "LocationMetrics",
    "LocationMetricsLocations",
    "Message",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
