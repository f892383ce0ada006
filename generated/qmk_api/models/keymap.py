from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.encoder_mapping import EncoderMapping
    from ..models.keymap_config import KeymapConfig
    from ..models.keymap_keycodes_item import KeymapKeycodesItem


T = TypeVar("T", bound="Keymap")


@_attrs_define
class Keymap:
    """A keymap.json / Configurator export (schema `qmk.keymap.v1`). Our contract requires the
    four keys the API checks; every other keymap.json field is passed to `qmk compile` and
    takes effect, so unknown fields are allowed. The API itself only rejects a `.` in
    `keyboard` and a `/` in `keymap`; key counts and keycodes are checked by the build.

        Attributes:
            keyboard (str): QMK keyboard folder, e.g. `planck/rev6`; QMK ids match `^[0-9a-z][0-9a-z_/]*$`.
            keymap (str): Keymap name; the Configurator uses `[a-z0-9_-]`.
            layout (str): LAYOUT macro name (or an alias), e.g. `LAYOUT_ortho_4x12`.
            layers (list[list[str]]): One array of keycodes per layer, one keycode per key of the layout.
            version (int | Unset): The Configurator sends 1.
            author (str | Unset):
            notes (str | Unset):
            documentation (str | Unset): Inserted by the API when missing.
            converter (str | Unset): Forces a converter (and the ChibiOS checkout) in the build.
            host_language (str | Unset): Adds `keymap_<lang>.h` and `sendstring_<lang>.h` includes.
            branch (str | Unset): API-only; the qmk_firmware branch to build (default master).
            encoders (list[list[EncoderMapping]] | Unset): Per layer, per encoder `{ccw, cw}` keycodes.
            macros (list[Any] | Unset): Macro definitions (strings and action objects).
            keycodes (list[KeymapKeycodesItem] | Unset): Custom keycode definitions.
            config (KeymapConfig | Unset): A `qmk.keyboard.v1` fragment applied to the build.
            modules (list[str] | Unset):
    """

    keyboard: str
    keymap: str
    layout: str
    layers: list[list[str]]
    version: int | Unset = UNSET
    author: str | Unset = UNSET
    notes: str | Unset = UNSET
    documentation: str | Unset = UNSET
    converter: str | Unset = UNSET
    host_language: str | Unset = UNSET
    branch: str | Unset = UNSET
    encoders: list[list[EncoderMapping]] | Unset = UNSET
    macros: list[Any] | Unset = UNSET
    keycodes: list[KeymapKeycodesItem] | Unset = UNSET
    config: KeymapConfig | Unset = UNSET
    modules: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        keyboard = self.keyboard

        keymap = self.keymap

        layout = self.layout

        layers = []
        for layers_item_data in self.layers:
            layers_item = layers_item_data

            layers.append(layers_item)

        version = self.version

        author = self.author

        notes = self.notes

        documentation = self.documentation

        converter = self.converter

        host_language = self.host_language

        branch = self.branch

        encoders: list[list[dict[str, Any]]] | Unset = UNSET
        if not isinstance(self.encoders, Unset):
            encoders = []
            for encoders_item_data in self.encoders:
                encoders_item = []
                for encoders_item_item_data in encoders_item_data:
                    encoders_item_item = encoders_item_item_data.to_dict()
                    encoders_item.append(encoders_item_item)

                encoders.append(encoders_item)

        macros: list[Any] | Unset = UNSET
        if not isinstance(self.macros, Unset):
            macros = self.macros

        keycodes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.keycodes, Unset):
            keycodes = []
            for keycodes_item_data in self.keycodes:
                keycodes_item = keycodes_item_data.to_dict()
                keycodes.append(keycodes_item)

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        modules: list[str] | Unset = UNSET
        if not isinstance(self.modules, Unset):
            modules = self.modules

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "keyboard": keyboard,
                "keymap": keymap,
                "layout": layout,
                "layers": layers,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if author is not UNSET:
            field_dict["author"] = author
        if notes is not UNSET:
            field_dict["notes"] = notes
        if documentation is not UNSET:
            field_dict["documentation"] = documentation
        if converter is not UNSET:
            field_dict["converter"] = converter
        if host_language is not UNSET:
            field_dict["host_language"] = host_language
        if branch is not UNSET:
            field_dict["branch"] = branch
        if encoders is not UNSET:
            field_dict["encoders"] = encoders
        if macros is not UNSET:
            field_dict["macros"] = macros
        if keycodes is not UNSET:
            field_dict["keycodes"] = keycodes
        if config is not UNSET:
            field_dict["config"] = config
        if modules is not UNSET:
            field_dict["modules"] = modules

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.encoder_mapping import EncoderMapping
        from ..models.keymap_config import KeymapConfig
        from ..models.keymap_keycodes_item import KeymapKeycodesItem

        d = dict(src_dict)
        keyboard = d.pop("keyboard")

        keymap = d.pop("keymap")

        layout = d.pop("layout")

        layers = []
        _layers = d.pop("layers")
        for layers_item_data in _layers:
            layers_item = cast(list[str], layers_item_data)

            layers.append(layers_item)

        version = d.pop("version", UNSET)

        author = d.pop("author", UNSET)

        notes = d.pop("notes", UNSET)

        documentation = d.pop("documentation", UNSET)

        converter = d.pop("converter", UNSET)

        host_language = d.pop("host_language", UNSET)

        branch = d.pop("branch", UNSET)

        _encoders = d.pop("encoders", UNSET)
        encoders: list[list[EncoderMapping]] | Unset = UNSET
        if _encoders is not UNSET:
            encoders = []
            for encoders_item_data in _encoders:
                encoders_item = []
                _encoders_item = encoders_item_data
                for encoders_item_item_data in _encoders_item:
                    encoders_item_item = EncoderMapping.from_dict(encoders_item_item_data)

                    encoders_item.append(encoders_item_item)

                encoders.append(encoders_item)

        macros = cast(list[Any], d.pop("macros", UNSET))

        _keycodes = d.pop("keycodes", UNSET)
        keycodes: list[KeymapKeycodesItem] | Unset = UNSET
        if _keycodes is not UNSET:
            keycodes = []
            for keycodes_item_data in _keycodes:
                keycodes_item = KeymapKeycodesItem.from_dict(keycodes_item_data)

                keycodes.append(keycodes_item)

        _config = d.pop("config", UNSET)
        config: KeymapConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = KeymapConfig.from_dict(_config)

        modules = cast(list[str], d.pop("modules", UNSET))

        keymap = cls(
            keyboard=keyboard,
            keymap=keymap,
            layout=layout,
            layers=layers,
            version=version,
            author=author,
            notes=notes,
            documentation=documentation,
            converter=converter,
            host_language=host_language,
            branch=branch,
            encoders=encoders,
            macros=macros,
            keycodes=keycodes,
            config=config,
            modules=modules,
        )

        keymap.additional_properties = d
        return keymap

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
