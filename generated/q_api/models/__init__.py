"""Contains all the data models used in inputs/outputs"""

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
