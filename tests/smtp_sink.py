"""An SMTP server on loopback for the tests: prints its port, then writes each message it
accepts to DIR as JSON (envelope and data). Recipients at reject.example.org are refused
with 550. It stops by itself after LIFETIME seconds if the test does not stop it first."""

import asyncio
import json
import os
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, outdir):
        self.outdir = outdir
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@reject.example.org"):
            return "550 5.1.1 <%s>: mailbox unavailable here" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "data": envelope.original_content.decode("ascii"),
        }
        path = os.path.join(self.outdir, "%d.json" % self.count)
        with open(path + ".tmp", "w") as f:
            json.dump(record, f)
        os.rename(path + ".tmp", path)
        return "250 2.0.0 accepted"


async def main(outdir, lifetime):
    loop = asyncio.get_running_loop()
    sink = Sink(outdir)
    server = await loop.create_server(lambda: SMTP(sink), host="127.0.0.1", port=0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.sleep(lifetime)
    server.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], float(sys.argv[2])))
