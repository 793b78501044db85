"""Decompression bombs made on the fly for tests: small on disk, huge once inflated.

The large member is one deflate block sequence compressed once and repeated: a block ended by a full
flush does not refer to the data before it, so N copies inflate to N times the chunk. Nothing of the
expanded size is ever held in memory or written here; only its checksum is computed.
"""

import struct
import zlib

CHUNK = 1024 * 1024
CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}


def _deflated_repeats(chunk: bytes, copies: int) -> tuple[bytes, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)  # an empty final block
    crc = 0
    for _ in range(copies):
        crc = zlib.crc32(chunk, crc)
    return block * copies + end, crc


def _member(name: str, data: bytes, crc: int, size: int, method: int, offset: int) -> tuple[bytes, bytes]:
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size,
                        len(encoded), 0) + encoded + data
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size,
                          len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    return local, central


def zip_bomb(expanded_mb: int, kind: str = "docx", members: int = 2) -> bytes:
    """An Office file (``kind``) whose main member inflates to ``expanded_mb`` MB (about 1 KB on disk each),
    ``members`` members in all (the content types, the main member and small extras)."""
    chunk = b" " * CHUNK  # white space, as between XML elements: the most a deflate stream compresses
    deflated, crc = _deflated_repeats(chunk, expanded_mb)
    entries = [("[Content_Types].xml", CONTENT_TYPES, zlib.crc32(CONTENT_TYPES), len(CONTENT_TYPES), 0),
               (MEMBERS[kind], deflated, crc, len(chunk) * expanded_mb, 8)]
    entries += [(f"extra/{index}.xml", b"<x/>", zlib.crc32(b"<x/>"), 4, 0) for index in range(members - 2)]
    body, directory = b"", b""
    for name, data, member_crc, size, method in entries:
        local, central = _member(name, data, member_crc, size, method, len(body))
        body += local
        directory += central
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), len(body), 0)
    return body + directory + end


def pdf_bomb(expanded_mb: int) -> bytes:
    """A one-page PDF whose content stream (FlateDecode) inflates to ``expanded_mb`` MB of spaces."""
    chunk = b" " * CHUNK
    deflated, _crc = _deflated_repeats(chunk, expanded_mb)
    adler = 1
    for _ in range(expanded_mb):
        adler = zlib.adler32(chunk, adler)
    stream = b"\x78\xda" + deflated + struct.pack(">I", adler)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    body, offsets = b"%PDF-1.7\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body
