from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ActionValueItem")


@_attrs_define
class ActionValueItem:
    """One zone of a v2 signal.

    Attributes:
        zone_id (str): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).
        effect (str): Effect name. Documented: `SET_COLOR` (default), `BLINK`, `BREATHE`, `COLOR_CYCLE`, `RIPPLE`,
            `INWARD_RIPPLE`, `BOUNCING_LIGHT`, `LASER`, `WAVE`. Open set: the cloud may add effects and `NONE` (with
            `#000`) is used to switch a key off.
        color (str): `#` followed by 3 or 6 hexadecimal digits.
    """

    zone_id: str
    effect: str
    color: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        zone_id = self.zone_id

        effect = self.effect

        color = self.color

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "zoneId": zone_id,
                "effect": effect,
                "color": color,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        zone_id = d.pop("zoneId")

        effect = d.pop("effect")

        color = d.pop("color")

        action_value_item = cls(
            zone_id=zone_id,
            effect=effect,
            color=color,
        )

        action_value_item.additional_properties = d
        return action_value_item

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
