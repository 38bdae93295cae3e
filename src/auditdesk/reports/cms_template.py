"""A CMS signature container built once per signer and refilled for every document.

For a PAdES B-B signature with an RSA key (PKCS#1 v1.5), every container a signer makes has the
same bytes but for two fixed-length holes: the document digest in the messageDigest attribute
and the RSA signature, whose length is the key's modulus. pyHanko rebuilds the whole structure
with asn1crypto for each signature (about 15 ms of a bulk export's 45 ms signature), so the
export asks pyHanko for one real container with a sample digest, keeps its bytes, and for each
document writes the new digest into the signed attributes, signs them and writes the signature
in. The result is byte for byte what pyHanko builds for the same digest (RSA PKCS#1 v1.5 is
deterministic, and a test compares the two), so verification sees no difference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from asn1crypto import cms


class TemplateError(ValueError):
    """The sample container does not have the expected shape; sign the slow way instead."""


def _find_once(haystack: bytes, needle: bytes, what: str) -> int:
    at = haystack.find(needle)
    if at < 0 or haystack.find(needle, at + 1) >= 0:
        raise TemplateError(f"the {what} is not found exactly once in the sample container")
    return at


@dataclass(frozen=True)
class CmsTemplate:
    der: bytes
    digest_at: int
    digest_len: int
    attrs_at: int  # the signed attributes, [0] IMPLICIT in the SignerInfo
    attrs_len: int
    signature_at: int
    signature_len: int

    @classmethod
    def from_sample(cls, sample: cms.ContentInfo, digest: bytes) -> CmsTemplate:
        """The template of a container pyHanko built over `digest` (any unique value)."""
        der = sample.dump()
        parsed = cms.ContentInfo.load(der)
        infos = parsed["content"]["signer_infos"]
        if len(infos) != 1:
            raise TemplateError("the sample container has more than one signer")
        info = infos[0]
        attrs = info["signed_attrs"].dump()
        signature = info["signature"].native
        if not attrs or not signature:
            raise TemplateError("the sample container has no signed attributes or no signature")
        attrs_at = _find_once(der, attrs, "signed attributes")
        digest_at = attrs_at + _find_once(attrs, digest, "message digest")
        return cls(
            der,
            digest_at,
            len(digest),
            attrs_at,
            len(attrs),
            _find_once(der, signature, "signature"),
            len(signature),
        )

    def fill(self, digest: bytes, sign: Callable[[bytes], bytes]) -> cms.ContentInfo:
        """The container for `digest`; `sign` gets the DER of the signed attributes (as a SET,
        which is what CMS signs) and returns the raw signature."""
        if len(digest) != self.digest_len:
            raise TemplateError(f"a digest of {len(digest)} bytes, expected {self.digest_len}")
        out = bytearray(self.der)
        out[self.digest_at : self.digest_at + self.digest_len] = digest
        attrs = out[self.attrs_at : self.attrs_at + self.attrs_len]
        attrs[0] = 0x31  # SET OF instead of the [0] IMPLICIT tag it carries in the SignerInfo
        signature = sign(bytes(attrs))
        if len(signature) != self.signature_len:
            raise TemplateError(
                f"a signature of {len(signature)} bytes, expected {self.signature_len}"
            )
        out[self.signature_at : self.signature_at + self.signature_len] = signature
        return cms.ContentInfo.load(bytes(out))
