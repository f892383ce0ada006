from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.effect_setting import EffectSetting


T = TypeVar("T", bound="ZoneConfiguration")


@_attrs_define
class ZoneConfiguration:
    """Passive (idle) and active (signal) effects of a zone (local).

    Attributes:
        passive_effect (EffectSetting | Unset): One configured effect; `name` is a numeric Q Desktop effect code
            (undocumented).
        active_effect (EffectSetting | Unset): One configured effect; `name` is a numeric Q Desktop effect code
            (undocumented).
    """

    passive_effect: EffectSetting | Unset = UNSET
    active_effect: EffectSetting | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        passive_effect: dict[str, Any] | Unset = UNSET
        if not isinstance(self.passive_effect, Unset):
            passive_effect = self.passive_effect.to_dict()

        active_effect: dict[str, Any] | Unset = UNSET
        if not isinstance(self.active_effect, Unset):
            active_effect = self.active_effect.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if passive_effect is not UNSET:
            field_dict["passiveEffect"] = passive_effect
        if active_effect is not UNSET:
            field_dict["activeEffect"] = active_effect

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.effect_setting import EffectSetting

        d = dict(src_dict)
        _passive_effect = d.pop("passiveEffect", UNSET)
        passive_effect: EffectSetting | Unset
        if isinstance(_passive_effect, Unset):
            passive_effect = UNSET
        else:
            passive_effect = EffectSetting.from_dict(_passive_effect)

        _active_effect = d.pop("activeEffect", UNSET)
        active_effect: EffectSetting | Unset
        if isinstance(_active_effect, Unset):
            active_effect = UNSET
        else:
            active_effect = EffectSetting.from_dict(_active_effect)

        zone_configuration = cls(
            passive_effect=passive_effect,
            active_effect=active_effect,
        )

        zone_configuration.additional_properties = d
        return zone_configuration

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
