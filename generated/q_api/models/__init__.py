"""Contains all the data models used in inputs/outputs

Loaded lazily: each model's module is imported on first use of its name (`make generate`
writes this file with tools/lazy_models.py from the generator's own).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .action_value_item import ActionValueItem
    from .api_key import ApiKey
    from .api_key_request import ApiKeyRequest
    from .authorized_client import AuthorizedClient
    from .color import Color
    from .definition_zone import DefinitionZone
    from .device import Device
    from .device_definition import DeviceDefinition
    from .effect import Effect
    from .effect_setting import EffectSetting
    from .error import Error
    from .language_layout import LanguageLayout
    from .layout_zone import LayoutZone
    from .revoke_client_request import RevokeClientRequest
    from .signal import Signal
    from .signal_create import SignalCreate
    from .signal_create_form import SignalCreateForm
    from .signal_link import SignalLink
    from .signal_page import SignalPage
    from .signal_status_patch import SignalStatusPatch
    from .token_request import TokenRequest
    from .token_request_form import TokenRequestForm
    from .token_request_grant_type import TokenRequestGrantType
    from .token_response import TokenResponse
    from .user import User
    from .v2_signal import V2Signal
    from .v2_signal_create import V2SignalCreate
    from .v2_signal_create_data_type_0 import V2SignalCreateDataType0
    from .v2_signal_data_type_0 import V2SignalDataType0
    from .vid_pid import VidPid
    from .zone import Zone
    from .zone_color import ZoneColor
    from .zone_configuration import ZoneConfiguration

_MODULES = {
    "ActionValueItem": "action_value_item",
    "ApiKey": "api_key",
    "ApiKeyRequest": "api_key_request",
    "AuthorizedClient": "authorized_client",
    "Color": "color",
    "DefinitionZone": "definition_zone",
    "Device": "device",
    "DeviceDefinition": "device_definition",
    "Effect": "effect",
    "EffectSetting": "effect_setting",
    "Error": "error",
    "LanguageLayout": "language_layout",
    "LayoutZone": "layout_zone",
    "RevokeClientRequest": "revoke_client_request",
    "Signal": "signal",
    "SignalCreate": "signal_create",
    "SignalCreateForm": "signal_create_form",
    "SignalLink": "signal_link",
    "SignalPage": "signal_page",
    "SignalStatusPatch": "signal_status_patch",
    "TokenRequest": "token_request",
    "TokenRequestForm": "token_request_form",
    "TokenRequestGrantType": "token_request_grant_type",
    "TokenResponse": "token_response",
    "User": "user",
    "V2Signal": "v2_signal",
    "V2SignalCreate": "v2_signal_create",
    "V2SignalCreateDataType0": "v2_signal_create_data_type_0",
    "V2SignalDataType0": "v2_signal_data_type_0",
    "VidPid": "vid_pid",
    "Zone": "zone",
    "ZoneColor": "zone_color",
    "ZoneConfiguration": "zone_configuration",
}

__all__ = (
    "ActionValueItem",
    "ApiKey",
    "ApiKeyRequest",
    "AuthorizedClient",
    "Color",
    "DefinitionZone",
    "Device",
    "DeviceDefinition",
    "Effect",
    "EffectSetting",
    "Error",
    "LanguageLayout",
    "LayoutZone",
    "RevokeClientRequest",
    "Signal",
    "SignalCreate",
    "SignalCreateForm",
    "SignalLink",
    "SignalPage",
    "SignalStatusPatch",
    "TokenRequest",
    "TokenRequestForm",
    "TokenRequestGrantType",
    "TokenResponse",
    "User",
    "V2Signal",
    "V2SignalCreate",
    "V2SignalCreateDataType0",
    "V2SignalDataType0",
    "VidPid",
    "Zone",
    "ZoneColor",
    "ZoneConfiguration",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
