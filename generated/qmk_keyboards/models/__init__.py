"""Contains all the data models used in inputs/outputs"""

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
