"""Contains all the data models used in inputs/outputs"""

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
from .keymap_config import KeymapConfig
from .keymap_keycodes_item import KeymapKeycodesItem
from .keymap_skeleton import KeymapSkeleton
from .kle_conversion import KleConversion
from .kle_conversion_layouts import KleConversionLayouts
from .kle_source import KleSource
from .layout_definition import LayoutDefinition
from .location_metrics import LocationMetrics
from .location_metrics_locations import LocationMetricsLocations
from .message import Message

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
    "KeymapConfig",
    "KeymapKeycodesItem",
    "KeymapSkeleton",
    "KleConversion",
    "KleConversionLayouts",
    "KleSource",
    "LayoutDefinition",
    "LocationMetrics",
    "LocationMetricsLocations",
    "Message",
)
