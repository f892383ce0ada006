from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compile_result import CompileResult


T = TypeVar("T", bound="CompileJob")


@_attrs_define
class CompileJob:
    """One schema for every status shape (the client's union parsing is order-based, so shapes are
    merged instead of listed in a oneOf). Live queue shape: `status` present. Stored metadata
    shape (after expiry): `is_finished`, `is_queued`, `is_started` instead of `status`. Dates
    are strings: RFC 822 GMT in the queue shape, `YYYY-MM-DD HH:MM:SS UTC` in the stored shape.

        Attributes:
            id (str):
            created_at (str):  Example: Sun, 03 Apr 2022 18:04:13 GMT.
            enqueued_at (None | str):
            is_failed (bool | None): null while queued, running or unknown; true for compile errors too.
            result (CompileResult | None): The worker's result; null until the job finished and for `failed`.
            status (str | Unset): queued, running, finished, failed or unknown (an open set: treat other values as
                unknown). Absent in the stored metadata shape.
            is_finished (bool | Unset): Stored metadata shape only.
            is_queued (bool | Unset): Stored metadata shape only.
            is_started (bool | Unset): Stored metadata shape only.
    """

    id: str
    created_at: str
    enqueued_at: None | str
    is_failed: bool | None
    result: CompileResult | None
    status: str | Unset = UNSET
    is_finished: bool | Unset = UNSET
    is_queued: bool | Unset = UNSET
    is_started: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.compile_result import CompileResult

        id = self.id

        created_at = self.created_at

        enqueued_at: None | str
        enqueued_at = self.enqueued_at

        is_failed: bool | None
        is_failed = self.is_failed

        result: dict[str, Any] | None
        if isinstance(self.result, CompileResult):
            result = self.result.to_dict()
        else:
            result = self.result

        status = self.status

        is_finished = self.is_finished

        is_queued = self.is_queued

        is_started = self.is_started

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "enqueued_at": enqueued_at,
                "is_failed": is_failed,
                "result": result,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if is_finished is not UNSET:
            field_dict["is_finished"] = is_finished
        if is_queued is not UNSET:
            field_dict["is_queued"] = is_queued
        if is_started is not UNSET:
            field_dict["is_started"] = is_started

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.compile_result import CompileResult

        d = dict(src_dict)
        id = d.pop("id")

        created_at = d.pop("created_at")

        def _parse_enqueued_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        enqueued_at = _parse_enqueued_at(d.pop("enqueued_at"))

        def _parse_is_failed(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        is_failed = _parse_is_failed(d.pop("is_failed"))

        def _parse_result(data: object) -> CompileResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = CompileResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompileResult | None, data)

        result = _parse_result(d.pop("result"))

        status = d.pop("status", UNSET)

        is_finished = d.pop("is_finished", UNSET)

        is_queued = d.pop("is_queued", UNSET)

        is_started = d.pop("is_started", UNSET)

        compile_job = cls(
            id=id,
            created_at=created_at,
            enqueued_at=enqueued_at,
            is_failed=is_failed,
            result=result,
            status=status,
            is_finished=is_finished,
            is_queued=is_queued,
            is_started=is_started,
        )

        compile_job.additional_properties = d
        return compile_job

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
