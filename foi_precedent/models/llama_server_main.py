"""``python -m foi_precedent.models.llama_server_main ARGS``: ``llama_cpp.server`` with ggml's extra CPU buffer
types (AMX, repack) switched off, then the same command line as ``python -m llama_cpp.server``.

Why: llama-cpp-python is compiled with ``-march=native``; on a CPU that reports AMX but runs in a VM that
does not enable the AMX tile state (Firecracker here), ggml's AMX buffer executes ``ldtilecfg`` and the
server dies with a general protection fault on the first request. So when the library was built with
AMX, the extra buffer types are switched off and ggml uses its ordinary AVX2/AVX-512 kernels.
``PRECEDENT_LLAMA_EXTRA_BUFTS=1`` keeps them, ``=0`` always switches them off.
"""

from __future__ import annotations

import os
import runpy


def disable_extra_buffer_types() -> None:
    import llama_cpp.llama_cpp as low_level

    original = low_level.llama_model_default_params
    if getattr(original, "_precedent_patched", False):
        return

    def params():
        p = original()
        p.use_extra_bufts = False
        return p

    params._precedent_patched = True  # type: ignore[attr-defined]
    low_level.llama_model_default_params = params


def built_with_amx() -> bool:
    import llama_cpp

    info = llama_cpp.llama_print_system_info()
    info = info.decode("utf-8", "replace") if isinstance(info, bytes) else str(info)
    return "AMX_INT8 = 1" in info or "AMX = 1" in info


def main() -> None:
    wanted = os.environ.get("PRECEDENT_LLAMA_EXTRA_BUFTS", "auto").lower()
    if wanted in ("0", "false", "no") or (wanted == "auto" and built_with_amx()):
        disable_extra_buffer_types()
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
