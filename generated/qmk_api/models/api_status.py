from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiStatus")


@_attrs_define
class ApiStatus:
    """The service status. `status` is `starting`, `running` or `degraded` (kept open: a client
    must accept other values); due to a service bug it reflects only `tasks_ping`.

        Attributes:
            queue_length (int):
            status (str): starting, running or degraded.
            version (str): Raw version.txt, newline included.
            last_ping (float | None | Unset): Epoch seconds of the last `ping` job, null if none.
            tasks_ping (float | None | Unset): Epoch seconds of the last background-task ping, null if none.
            status_last_ping (str | Unset): good or degraded.
            status_tasks_ping (str | Unset): good or degraded.
    """

    queue_length: int
    status: str
    version: str
    last_ping: float | None | Unset = UNSET
    tasks_ping: float | None | Unset = UNSET
    status_last_ping: str | Unset = UNSET
    status_tasks_ping: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        queue_length = self.queue_length

        status = self.status

        version = self.version

        last_ping: float | None | Unset
        if isinstance(self.last_ping, Unset):
            last_ping = UNSET
        else:
            last_ping = self.last_ping

        tasks_ping: float | None | Unset
        if isinstance(self.tasks_ping, Unset):
            tasks_ping = UNSET
        else:
            tasks_ping = self.tasks_ping

        status_last_ping = self.status_last_ping

        status_tasks_ping = self.status_tasks_ping

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queue_length": queue_length,
                "status": status,
                "version": version,
            }
        )
        if last_ping is not UNSET:
            field_dict["last_ping"] = last_ping
        if tasks_ping is not UNSET:
            field_dict["tasks_ping"] = tasks_ping
        if status_last_ping is not UNSET:
            field_dict["status_last_ping"] = status_last_ping
        if status_tasks_ping is not UNSET:
            field_dict["status_tasks_ping"] = status_tasks_ping

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        queue_length = d.pop("queue_length")

        status = d.pop("status")

        version = d.pop("version")

        def _parse_last_ping(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        last_ping = _parse_last_ping(d.pop("last_ping", UNSET))

        def _parse_tasks_ping(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        tasks_ping = _parse_tasks_ping(d.pop("tasks_ping", UNSET))

        status_last_ping = d.pop("status_last_ping", UNSET)

        status_tasks_ping = d.pop("status_tasks_ping", UNSET)

        api_status = cls(
            queue_length=queue_length,
            status=status,
            version=version,
            last_ping=last_ping,
            tasks_ping=tasks_ping,
            status_last_ping=status_last_ping,
            status_tasks_ping=status_tasks_ping,
        )

        api_status.additional_properties = d
        return api_status

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
