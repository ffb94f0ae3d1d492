"""A Jupyter kernel from this venv for the benchmarks: run code, wait until idle, collect what it published."""
import contextlib
import time

from jupyter_client.manager import start_new_kernel


@contextlib.contextmanager
def kernel():
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def execute(kc, code, timeout=60):
    """Run code; returns (seconds until the kernel is idle again, message types seen, printed text)."""
    start = time.perf_counter()
    msg_id = kc.execute(code)
    kinds, text = [], []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kinds.append(msg["msg_type"])
        if msg["msg_type"] == "stream":
            text.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise RuntimeError(msg["content"]["evalue"])
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return time.perf_counter() - start, kinds, "".join(text)
