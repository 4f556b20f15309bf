"""An example SPDX 2.3 document: a model whose weights are under this license and whose code is Apache-2.0.

It is the snippet an SBOM author needs: `hasExtractedLicensingInfos` carries the
LicenseRef with the authoritative text. The package, the namespace and the creation
time are examples to replace; the build never reads the clock.
"""

from __future__ import annotations

from ..model import License

EXAMPLE_CREATED = "2023-06-15T00:00:00Z"  # the licensor's publication date; replace with your document's


def declared_expression(lic: License) -> str:
    return f"{lic.metadata['licenseId']} AND Apache-2.0"


def spdx_document(lic: License, base: str, text: str) -> dict:
    meta = lic.metadata
    package = "SPDXRef-Package-Baichuan-7B"
    return {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": "example-baichuan-7B",
        "documentNamespace": f"{base}spdx/example.spdx.json",
        "comment": "An example: replace the package, the namespace and the creation time with your own.",
        "creationInfo": {"created": EXAMPLE_CREATED, "creators": [f"Tool: licensekit ({base})"]},
        "packages": [
            {
                "SPDXID": package,
                "name": "Baichuan-7B",
                "downloadLocation": meta["seeAlso"][0],
                "filesAnalyzed": False,
                "licenseConcluded": "NOASSERTION",
                "licenseDeclared": declared_expression(lic),
                "licenseComments": f"Model weights: {meta['licenseId']}; model code: Apache-2.0.",
                "copyrightText": "NOASSERTION",
            }
        ],
        "relationships": [{"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": package}],
        "hasExtractedLicensingInfos": [
            {
                "licenseId": meta["licenseId"],
                "name": meta["name"],
                "extractedText": text,
                "seeAlso": meta["seeAlso"],
                "comment": meta["licenseComments"],
            }
        ],
    }
