from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.encoder_mapping import EncoderMapping
    from ..models.keymap_config_type_0 import KeymapConfigType0
    from ..models.keymap_keycodes_type_0_item import KeymapKeycodesType0Item


T = TypeVar("T", bound="Keymap")


@_attrs_define
class Keymap:
    """A keymap.json / Configurator export (schema `qmk.keymap.v1`). Our contract requires the
    four keys the API checks; every other keymap.json field is passed to `qmk compile` and
    takes effect, so unknown fields are allowed. The API itself only rejects a `.` in
    `keyboard` and a `/` in `keymap`; key counts and keycodes are checked by the build.
    `null` for an optional field means the field is absent, as `qmk compile` reads it. The
    API enqueues any body with the four keys present (recorded: explicit nulls and `modules`
    items that are not strings are enqueued unchecked), but a `null` keyboard or keymap
    crashes the handler (HTML 500), and items of the wrong type (in `layers`, `modules`, ...)
    fail the build's `qmk.keymap.v1` schema check.

        Attributes:
            keyboard (str): QMK keyboard folder, e.g. `planck/rev6`; QMK ids match `^[0-9a-z][0-9a-z_/]*$`.
            keymap (str): Keymap name; the Configurator uses `[a-z0-9_-]`.
            layout (str): LAYOUT macro name (or an alias), e.g. `LAYOUT_ortho_4x12`.
            layers (list[list[str]]): One array of keycodes per layer, one keycode per key of the layout.
            version (int | None | Unset): The Configurator sends 1.
            author (None | str | Unset):
            notes (None | str | Unset):
            documentation (None | str | Unset): Inserted by the API when missing.
            converter (None | str | Unset): Forces a converter (and the ChibiOS checkout) in the build.
            host_language (None | str | Unset): Adds `keymap_<lang>.h` and `sendstring_<lang>.h` includes.
            branch (None | str | Unset): API-only; the qmk_firmware branch to build (default master).
            encoders (list[list[EncoderMapping]] | None | Unset): Per layer, per encoder `{ccw, cw}` keycodes.
            macros (list[Any] | None | Unset): Macro definitions (strings and action objects).
            keycodes (list[KeymapKeycodesType0Item] | None | Unset): Custom keycode definitions.
            config (KeymapConfigType0 | None | Unset): A `qmk.keyboard.v1` fragment applied to the build.
            modules (list[str] | None | Unset): Community module names; other items fail the build's schema check.
    """

    keyboard: str
    keymap: str
    layout: str
    layers: list[list[str]]
    version: int | None | Unset = UNSET
    author: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    documentation: None | str | Unset = UNSET
    converter: None | str | Unset = UNSET
    host_language: None | str | Unset = UNSET
    branch: None | str | Unset = UNSET
    encoders: list[list[EncoderMapping]] | None | Unset = UNSET
    macros: list[Any] | None | Unset = UNSET
    keycodes: list[KeymapKeycodesType0Item] | None | Unset = UNSET
    config: KeymapConfigType0 | None | Unset = UNSET
    modules: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.keymap_config_type_0 import KeymapConfigType0

        keyboard = self.keyboard

        keymap = self.keymap

        layout = self.layout

        layers = []
        for layers_item_data in self.layers:
            layers_item = layers_item_data

            layers.append(layers_item)

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        author: None | str | Unset
        if isinstance(self.author, Unset):
            author = UNSET
        else:
            author = self.author

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        documentation: None | str | Unset
        if isinstance(self.documentation, Unset):
            documentation = UNSET
        else:
            documentation = self.documentation

        converter: None | str | Unset
        if isinstance(self.converter, Unset):
            converter = UNSET
        else:
            converter = self.converter

        host_language: None | str | Unset
        if isinstance(self.host_language, Unset):
            host_language = UNSET
        else:
            host_language = self.host_language

        branch: None | str | Unset
        if isinstance(self.branch, Unset):
            branch = UNSET
        else:
            branch = self.branch

        encoders: list[list[dict[str, Any]]] | None | Unset
        if isinstance(self.encoders, Unset):
            encoders = UNSET
        elif isinstance(self.encoders, list):
            encoders = []
            for encoders_type_0_item_data in self.encoders:
                encoders_type_0_item = []
                for encoders_type_0_item_item_data in encoders_type_0_item_data:
                    encoders_type_0_item_item = encoders_type_0_item_item_data.to_dict()
                    encoders_type_0_item.append(encoders_type_0_item_item)

                encoders.append(encoders_type_0_item)

        else:
            encoders = self.encoders

        macros: list[Any] | None | Unset
        if isinstance(self.macros, Unset):
            macros = UNSET
        elif isinstance(self.macros, list):
            macros = self.macros

        else:
            macros = self.macros

        keycodes: list[dict[str, Any]] | None | Unset
        if isinstance(self.keycodes, Unset):
            keycodes = UNSET
        elif isinstance(self.keycodes, list):
            keycodes = []
            for keycodes_type_0_item_data in self.keycodes:
                keycodes_type_0_item = keycodes_type_0_item_data.to_dict()
                keycodes.append(keycodes_type_0_item)

        else:
            keycodes = self.keycodes

        config: dict[str, Any] | None | Unset
        if isinstance(self.config, Unset):
            config = UNSET
        elif isinstance(self.config, KeymapConfigType0):
            config = self.config.to_dict()
        else:
            config = self.config

        modules: list[str] | None | Unset
        if isinstance(self.modules, Unset):
            modules = UNSET
        elif isinstance(self.modules, list):
            modules = self.modules

        else:
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
        from ..models.keymap_config_type_0 import KeymapConfigType0
        from ..models.keymap_keycodes_type_0_item import KeymapKeycodesType0Item

        d = dict(src_dict)
        keyboard = d.pop("keyboard")

        keymap = d.pop("keymap")

        layout = d.pop("layout")

        layers = []
        _layers = d.pop("layers")
        for layers_item_data in _layers:
            layers_item = cast(list[str], layers_item_data)

            layers.append(layers_item)

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_author(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author = _parse_author(d.pop("author", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_documentation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        documentation = _parse_documentation(d.pop("documentation", UNSET))

        def _parse_converter(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        converter = _parse_converter(d.pop("converter", UNSET))

        def _parse_host_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        host_language = _parse_host_language(d.pop("host_language", UNSET))

        def _parse_branch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        branch = _parse_branch(d.pop("branch", UNSET))

        def _parse_encoders(data: object) -> list[list[EncoderMapping]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                encoders_type_0 = []
                _encoders_type_0 = data
                for encoders_type_0_item_data in _encoders_type_0:
                    encoders_type_0_item = []
                    _encoders_type_0_item = encoders_type_0_item_data
                    for encoders_type_0_item_item_data in _encoders_type_0_item:
                        encoders_type_0_item_item = EncoderMapping.from_dict(
                            encoders_type_0_item_item_data
                        )

                        encoders_type_0_item.append(encoders_type_0_item_item)

                    encoders_type_0.append(encoders_type_0_item)

                return encoders_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[EncoderMapping]] | None | Unset, data)

        encoders = _parse_encoders(d.pop("encoders", UNSET))

        def _parse_macros(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                macros_type_0 = cast(list[Any], data)

                return macros_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        macros = _parse_macros(d.pop("macros", UNSET))

        def _parse_keycodes(data: object) -> list[KeymapKeycodesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                keycodes_type_0 = []
                _keycodes_type_0 = data
                for keycodes_type_0_item_data in _keycodes_type_0:
                    keycodes_type_0_item = KeymapKeycodesType0Item.from_dict(
                        keycodes_type_0_item_data
                    )

                    keycodes_type_0.append(keycodes_type_0_item)

                return keycodes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KeymapKeycodesType0Item] | None | Unset, data)

        keycodes = _parse_keycodes(d.pop("keycodes", UNSET))

        def _parse_config(data: object) -> KeymapConfigType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                config_type_0 = KeymapConfigType0.from_dict(data)

                return config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KeymapConfigType0 | None | Unset, data)

        config = _parse_config(d.pop("config", UNSET))

        def _parse_modules(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                modules_type_0 = cast(list[str], data)

                return modules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        modules = _parse_modules(d.pop("modules", UNSET))

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
