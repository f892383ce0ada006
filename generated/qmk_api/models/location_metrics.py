from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.location_metrics_locations import LocationMetricsLocations


T = TypeVar("T", bound="LocationMetrics")


@_attrs_define
class LocationMetrics:
    """
    Attributes:
        locations (LocationMetricsLocations): Compile count per location.
    """

    locations: LocationMetricsLocations
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        locations = self.locations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "locations": locations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.location_metrics_locations import LocationMetricsLocations

        d = dict(src_dict)
        locations = LocationMetricsLocations.from_dict(d.pop("locations"))

        location_metrics = cls(
            locations=locations,
        )

        location_metrics.additional_properties = d
        return location_metrics

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
