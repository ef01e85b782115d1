"""Reads a CTranslate2 model.bin (binary version 6) into numpy arrays, without CTranslate2.

The layout, as ctranslate2/specs/model_spec.py `_serialize` writes it (little endian):
  u32 binary version, string spec name, u32 spec revision, u32 variable count,
  then per variable: string name, u8 rank, u32 x rank dims, u8 dtype, u32 byte count, bytes;
  then u32 alias count and per alias: string alias, string target name.
A string is a u16 length (counting a closing NUL), the UTF-8 bytes and the NUL.
dtype ids follow ctranslate2's DataType enum: float32, int8, int16, int32, float16, bfloat16.
"""
import struct

import numpy as np

_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}
_SUPPORTED_VERSIONS = {5, 6}


class CTranslate2Model:
    def __init__(self, spec: str, revision: int, variables: dict, aliases: dict):
        self.spec = spec
        self.revision = revision
        self.variables = variables
        self.aliases = aliases

    def __getitem__(self, name: str) -> np.ndarray:
        return self.variables[self.aliases.get(name, name)]

    def __contains__(self, name: str) -> bool:
        return self.aliases.get(name, name) in self.variables

    def scalar(self, name: str):
        return self[name].reshape(-1)[0].item()


def read_model(data: bytes) -> CTranslate2Model:
    offset = 0

    def take(fmt: str):
        nonlocal offset
        (value,) = struct.unpack_from("<" + fmt, data, offset)
        offset += struct.calcsize(fmt)
        return value

    def string() -> str:
        nonlocal offset
        length = take("H")
        text = data[offset : offset + length - 1].decode("utf-8")
        offset += length
        return text

    version = take("I")
    if version not in _SUPPORTED_VERSIONS:
        raise ValueError(f"CTranslate2 binary version {version} is not supported (only {sorted(_SUPPORTED_VERSIONS)})")
    spec = string()
    revision = take("I")
    variables = {}
    for _ in range(take("I")):
        name = string()
        shape = [take("I") for _ in range(take("B"))]
        dtype_id = take("B")
        size = take("I")
        if dtype_id not in _DTYPES:
            raise ValueError(f"{name}: CTranslate2 dtype {dtype_id} is not supported (quantised models are not)")
        array = np.frombuffer(data, dtype=_DTYPES[dtype_id], count=size // np.dtype(_DTYPES[dtype_id]).itemsize, offset=offset)
        variables[name] = array.reshape(shape)
        offset += size
    aliases = {}
    for _ in range(take("I")):
        alias = string()
        aliases[alias] = string()
    if offset != len(data):
        raise ValueError(f"model.bin has {len(data) - offset} bytes after its last alias: not a CTranslate2 model")
    return CTranslate2Model(spec, revision, variables, aliases)
