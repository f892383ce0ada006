from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.usb_document_usb import UsbDocumentUsb


T = TypeVar("T", bound="UsbDocument")


@_attrs_define
class UsbDocument:
    """
    Attributes:
        last_updated (str):
        usb (UsbDocumentUsb): Vendor id to product id to keyboard to ids.
    """

    last_updated: str
    usb: UsbDocumentUsb
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_updated = self.last_updated

        usb = self.usb.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "last_updated": last_updated,
                "usb": usb,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.usb_document_usb import UsbDocumentUsb

        d = dict(src_dict)
        last_updated = d.pop("last_updated")

        usb = UsbDocumentUsb.from_dict(d.pop("usb"))

        usb_document = cls(
            last_updated=last_updated,
            usb=usb,
        )

        usb_document.additional_properties = d
        return usb_document

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
