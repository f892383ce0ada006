from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompileResult")


@_attrs_define
class CompileResult:
    """The worker's result. Only `returncode` and `output` are always present (the unknown-keyboard
    result has exactly `returncode`, `command`, `output`, `firmware`).

        Attributes:
            returncode (int): 0 ok, above 0 build failure, -1 unknown keyboard, -2 never set, -3 exception.
            output (str): Build output with ANSI colour codes.
            keyboard (str | Unset):
            layout (str | Unset):
            keymap (str | Unset):
            firmware (None | str | Unset): Always null (legacy).
            firmware_filename (None | str | Unset): e.g. `planck_rev6_default.bin`; empty on failure; `null` when the build
                exited 0
                without leaving a firmware file (then `return_code: -4` and no
                `firmware_binary_url`).
            source_ip (None | str | Unset): The submitter's IP (publicly exposed by the service).
            public_firmware (bool | Unset):
            keymap_archive (str | Unset):
            keymap_json (str | Unset): The submitted body as a JSON string.
            command (list[str] | str | Unset): The build command; an empty string for an unknown keyboard.
            cmd (list[str] | Unset): Build failures only.
            id (str | Unset):
            firmware_binary_url (list[str] | Unset): One URL; absent when no firmware was built.
            source_archive (str | Unset):
            firmware_keymap_url (list[str] | Unset):
            firmware_source_url (list[str] | Unset):
            exception (str | Unset): Exception class name (returncode -3 only).
            stacktrace (str | Unset): returncode -3 only.
            return_code (int | Unset): Service typo bug, -4 when the build succeeded but no firmware file was found.
    """

    returncode: int
    output: str
    keyboard: str | Unset = UNSET
    layout: str | Unset = UNSET
    keymap: str | Unset = UNSET
    firmware: None | str | Unset = UNSET
    firmware_filename: None | str | Unset = UNSET
    source_ip: None | str | Unset = UNSET
    public_firmware: bool | Unset = UNSET
    keymap_archive: str | Unset = UNSET
    keymap_json: str | Unset = UNSET
    command: list[str] | str | Unset = UNSET
    cmd: list[str] | Unset = UNSET
    id: str | Unset = UNSET
    firmware_binary_url: list[str] | Unset = UNSET
    source_archive: str | Unset = UNSET
    firmware_keymap_url: list[str] | Unset = UNSET
    firmware_source_url: list[str] | Unset = UNSET
    exception: str | Unset = UNSET
    stacktrace: str | Unset = UNSET
    return_code: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        returncode = self.returncode

        output = self.output

        keyboard = self.keyboard

        layout = self.layout

        keymap = self.keymap

        firmware: None | str | Unset
        if isinstance(self.firmware, Unset):
            firmware = UNSET
        else:
            firmware = self.firmware

        firmware_filename: None | str | Unset
        if isinstance(self.firmware_filename, Unset):
            firmware_filename = UNSET
        else:
            firmware_filename = self.firmware_filename

        source_ip: None | str | Unset
        if isinstance(self.source_ip, Unset):
            source_ip = UNSET
        else:
            source_ip = self.source_ip

        public_firmware = self.public_firmware

        keymap_archive = self.keymap_archive

        keymap_json = self.keymap_json

        command: list[str] | str | Unset
        if isinstance(self.command, Unset):
            command = UNSET
        elif isinstance(self.command, list):
            command = self.command

        else:
            command = self.command

        cmd: list[str] | Unset = UNSET
        if not isinstance(self.cmd, Unset):
            cmd = self.cmd

        id = self.id

        firmware_binary_url: list[str] | Unset = UNSET
        if not isinstance(self.firmware_binary_url, Unset):
            firmware_binary_url = self.firmware_binary_url

        source_archive = self.source_archive

        firmware_keymap_url: list[str] | Unset = UNSET
        if not isinstance(self.firmware_keymap_url, Unset):
            firmware_keymap_url = self.firmware_keymap_url

        firmware_source_url: list[str] | Unset = UNSET
        if not isinstance(self.firmware_source_url, Unset):
            firmware_source_url = self.firmware_source_url

        exception = self.exception

        stacktrace = self.stacktrace

        return_code = self.return_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "returncode": returncode,
                "output": output,
            }
        )
        if keyboard is not UNSET:
            field_dict["keyboard"] = keyboard
        if layout is not UNSET:
            field_dict["layout"] = layout
        if keymap is not UNSET:
            field_dict["keymap"] = keymap
        if firmware is not UNSET:
            field_dict["firmware"] = firmware
        if firmware_filename is not UNSET:
            field_dict["firmware_filename"] = firmware_filename
        if source_ip is not UNSET:
            field_dict["source_ip"] = source_ip
        if public_firmware is not UNSET:
            field_dict["public_firmware"] = public_firmware
        if keymap_archive is not UNSET:
            field_dict["keymap_archive"] = keymap_archive
        if keymap_json is not UNSET:
            field_dict["keymap_json"] = keymap_json
        if command is not UNSET:
            field_dict["command"] = command
        if cmd is not UNSET:
            field_dict["cmd"] = cmd
        if id is not UNSET:
            field_dict["id"] = id
        if firmware_binary_url is not UNSET:
            field_dict["firmware_binary_url"] = firmware_binary_url
        if source_archive is not UNSET:
            field_dict["source_archive"] = source_archive
        if firmware_keymap_url is not UNSET:
            field_dict["firmware_keymap_url"] = firmware_keymap_url
        if firmware_source_url is not UNSET:
            field_dict["firmware_source_url"] = firmware_source_url
        if exception is not UNSET:
            field_dict["exception"] = exception
        if stacktrace is not UNSET:
            field_dict["stacktrace"] = stacktrace
        if return_code is not UNSET:
            field_dict["return_code"] = return_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        returncode = d.pop("returncode")

        output = d.pop("output")

        keyboard = d.pop("keyboard", UNSET)

        layout = d.pop("layout", UNSET)

        keymap = d.pop("keymap", UNSET)

        def _parse_firmware(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        firmware = _parse_firmware(d.pop("firmware", UNSET))

        def _parse_firmware_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        firmware_filename = _parse_firmware_filename(d.pop("firmware_filename", UNSET))

        def _parse_source_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ip = _parse_source_ip(d.pop("source_ip", UNSET))

        public_firmware = d.pop("public_firmware", UNSET)

        keymap_archive = d.pop("keymap_archive", UNSET)

        keymap_json = d.pop("keymap_json", UNSET)

        def _parse_command(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                command_type_0 = cast(list[str], data)

                return command_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        command = _parse_command(d.pop("command", UNSET))

        cmd = cast(list[str], d.pop("cmd", UNSET))

        id = d.pop("id", UNSET)

        firmware_binary_url = cast(list[str], d.pop("firmware_binary_url", UNSET))

        source_archive = d.pop("source_archive", UNSET)

        firmware_keymap_url = cast(list[str], d.pop("firmware_keymap_url", UNSET))

        firmware_source_url = cast(list[str], d.pop("firmware_source_url", UNSET))

        exception = d.pop("exception", UNSET)

        stacktrace = d.pop("stacktrace", UNSET)

        return_code = d.pop("return_code", UNSET)

        compile_result = cls(
            returncode=returncode,
            output=output,
            keyboard=keyboard,
            layout=layout,
            keymap=keymap,
            firmware=firmware,
            firmware_filename=firmware_filename,
            source_ip=source_ip,
            public_firmware=public_firmware,
            keymap_archive=keymap_archive,
            keymap_json=keymap_json,
            command=command,
            cmd=cmd,
            id=id,
            firmware_binary_url=firmware_binary_url,
            source_archive=source_archive,
            firmware_keymap_url=firmware_keymap_url,
            firmware_source_url=firmware_source_url,
            exception=exception,
            stacktrace=stacktrace,
            return_code=return_code,
        )

        compile_result.additional_properties = d
        return compile_result

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
