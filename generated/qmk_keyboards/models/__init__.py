"""Contains all the data models used in inputs/outputs

Loaded lazily: each model's module is imported on first use of its name (`make generate`
writes this file with tools/lazy_models.py from the generator's own).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .key import Key
    from .keyboard_info import KeyboardInfo
    from .keyboard_info_features import KeyboardInfoFeatures
    from .keyboard_info_keymaps import KeyboardInfoKeymaps
    from .keyboard_info_layout_aliases import KeyboardInfoLayoutAliases
    from .keyboard_info_layouts import KeyboardInfoLayouts
    from .keyboard_list import KeyboardList
    from .keyboards_document import KeyboardsDocument
    from .keyboards_document_keyboards import KeyboardsDocumentKeyboards
    from .keymap_link import KeymapLink
    from .layout_definition import LayoutDefinition
    from .matrix_size import MatrixSize
    from .usb_document import UsbDocument
    from .usb_document_usb import UsbDocumentUsb
    from .usb_ids import UsbIds
    from .usb_keyboards import UsbKeyboards
    from .usb_products import UsbProducts

_MODULES = {
    "Key": "key",
    "KeyboardInfo": "keyboard_info",
    "KeyboardInfoFeatures": "keyboard_info_features",
    "KeyboardInfoKeymaps": "keyboard_info_keymaps",
    "KeyboardInfoLayoutAliases": "keyboard_info_layout_aliases",
    "KeyboardInfoLayouts": "keyboard_info_layouts",
    "KeyboardList": "keyboard_list",
    "KeyboardsDocument": "keyboards_document",
    "KeyboardsDocumentKeyboards": "keyboards_document_keyboards",
    "KeymapLink": "keymap_link",
    "LayoutDefinition": "layout_definition",
    "MatrixSize": "matrix_size",
    "UsbDocument": "usb_document",
    "UsbDocumentUsb": "usb_document_usb",
    "UsbIds": "usb_ids",
    "UsbKeyboards": "usb_keyboards",
    "UsbProducts": "usb_products",
}

__all__ = (
    "Key",
    "KeyboardInfo",
    "KeyboardInfoFeatures",
    "KeyboardInfoKeymaps",
    "KeyboardInfoLayoutAliases",
    "KeyboardInfoLayouts",
    "KeyboardList",
    "KeyboardsDocument",
    "KeyboardsDocumentKeyboards",
    "KeymapLink",
    "LayoutDefinition",
    "MatrixSize",
    "UsbDocument",
    "UsbDocumentUsb",
    "UsbIds",
    "UsbKeyboards",
    "UsbProducts",
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
