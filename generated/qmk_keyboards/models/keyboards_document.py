from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.keyboards_document_keyboards import KeyboardsDocumentKeyboards


T = TypeVar("T", bound="KeyboardsDocument")


@_attrs_define
class KeyboardsDocument:
    """The wrapper of `keyboards.json` and of each `info.json`.

    Attributes:
        last_updated (str): Generation time, e.g. `2022-03-26 01:07:21 GMT`.
        keyboards (KeyboardsDocumentKeyboards): Keyboard folder name to its metadata.
    """

    last_updated: str
    keyboards: KeyboardsDocumentKeyboards
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_updated = self.last_updated

        keyboards = self.keyboards.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "last_updated": last_updated,
                "keyboards": keyboards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.keyboards_document_keyboards import KeyboardsDocumentKeyboards

        d = dict(src_dict)
        last_updated = d.pop("last_updated")

        keyboards = KeyboardsDocumentKeyboards.from_dict(d.pop("keyboards"))

        keyboards_document = cls(
            last_updated=last_updated,
            keyboards=keyboards,
        )

        keyboards_document.additional_properties = d
        return keyboards_document

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
