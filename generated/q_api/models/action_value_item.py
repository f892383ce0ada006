from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionValueItem")


@_attrs_define
class ActionValueItem:
    """One zone of a v2 signal. An `effect` left out or `null` means `SET_COLOR`: the applet SDK's `Point` sends
    the effect it was given, `null` included.

        Attributes:
            zone_id (str): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).
            color (str): `#` followed by 3 or 6 hexadecimal digits.
            effect (None | str | Unset): `EffectName` in a request body: `SET_COLOR` (default), `BLINK`, `BREATHE`,
                `COLOR_CYCLE`, `RIPPLE`,
                `INWARD_RIPPLE`, `BOUNCING_LIGHT`, `LASER`, `WAVE`, or any newer name; an explicit `null` means the
                default.
    """

    zone_id: str
    color: str
    effect: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        zone_id = self.zone_id

        color = self.color

        effect: None | str | Unset
        if isinstance(self.effect, Unset):
            effect = UNSET
        else:
            effect = self.effect

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "zoneId": zone_id,
                "color": color,
            }
        )
        if effect is not UNSET:
            field_dict["effect"] = effect

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        zone_id = d.pop("zoneId")

        color = d.pop("color")

        def _parse_effect(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        effect = _parse_effect(d.pop("effect", UNSET))

        action_value_item = cls(
            zone_id=zone_id,
            color=color,
            effect=effect,
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
