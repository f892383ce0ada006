from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_request_grant_type import TokenRequestGrantType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenRequestForm")


@_attrs_define
class TokenRequestForm:
    """`TokenRequest` sent as `application/x-www-form-urlencoded`: the same fields, without `null` (a form field
    is a string). A schema of its own, so that the generated client gets one body class per media type.

        Attributes:
            grant_type (TokenRequestGrantType): The OAuth 2 grant.
            client_id (str | Unset):
            client_secret (str | Unset):
            email (str | Unset):
            password (str | Unset):
            code (str | Unset):
            refresh_token (str | Unset):
    """

    grant_type: TokenRequestGrantType
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    email: str | Unset = UNSET
    password: str | Unset = UNSET
    code: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type.value

        client_id = self.client_id

        client_secret = self.client_secret

        email = self.email

        password = self.password

        code = self.code

        refresh_token = self.refresh_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if email is not UNSET:
            field_dict["email"] = email
        if password is not UNSET:
            field_dict["password"] = password
        if code is not UNSET:
            field_dict["code"] = code
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grant_type = TokenRequestGrantType(d.pop("grant_type"))

        client_id = d.pop("client_id", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        email = d.pop("email", UNSET)

        password = d.pop("password", UNSET)

        code = d.pop("code", UNSET)

        refresh_token = d.pop("refresh_token", UNSET)

        token_request_form = cls(
            grant_type=grant_type,
            client_id=client_id,
            client_secret=client_secret,
            email=email,
            password=password,
            code=code,
            refresh_token=refresh_token,
        )

        token_request_form.additional_properties = d
        return token_request_form

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
