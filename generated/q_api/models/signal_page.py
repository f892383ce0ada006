from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.signal import Signal


T = TypeVar("T", bound="SignalPage")


@_attrs_define
class SignalPage:
    """The custom page envelope, exactly these seven fields.

    Attributes:
        content (list[Signal]):
        size (int): Page size requested.
        sort (str): e.g. `createdAt: ASC,zoneId: ASC`; may be empty.
        has_next_page (bool):
        page (int): 0-based page number.
        total_elements (int):
        total_pages (int):
    """

    content: list[Signal]
    size: int
    sort: str
    has_next_page: bool
    page: int
    total_elements: int
    total_pages: int

    def to_dict(self) -> dict[str, Any]:
        content = []
        for content_item_data in self.content:
            content_item = content_item_data.to_dict()
            content.append(content_item)

        size = self.size

        sort = self.sort

        has_next_page = self.has_next_page

        page = self.page

        total_elements = self.total_elements

        total_pages = self.total_pages

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
                "size": size,
                "sort": sort,
                "hasNextPage": has_next_page,
                "page": page,
                "totalElements": total_elements,
                "totalPages": total_pages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.signal import Signal

        d = dict(src_dict)
        content = []
        _content = d.pop("content")
        for content_item_data in _content:
            content_item = Signal.from_dict(content_item_data)

            content.append(content_item)

        size = d.pop("size")

        sort = d.pop("sort")

        has_next_page = d.pop("hasNextPage")

        page = d.pop("page")

        total_elements = d.pop("totalElements")

        total_pages = d.pop("totalPages")

        signal_page = cls(
            content=content,
            size=size,
            sort=sort,
            has_next_page=has_next_page,
            page=page,
            total_elements=total_elements,
            total_pages=total_pages,
        )

        return signal_page
