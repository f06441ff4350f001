// A real SMTP server on loopback for the load test (scripts/load.sh): the portal's instances send
// their mail to it with lettre (SMTP_URL=smtp://127.0.0.1:PORT), and it keeps every message it
// accepts. It speaks what lettre needs (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and decodes
// the text part (7bit, 8bit, quoted-printable or base64; RFC 2047 subjects).
// Over HTTP on a second port:
//   GET /mail?to=ADDRESS   that recipient's messages, oldest first: [{ n, to, subject, text }]
//   GET /all               every message's recipient and subject, as received (duplicates kept)
// Usage: node scripts/load/mail-sink.mjs SMTP_PORT HTTP_PORT
import http from "node:http";
import net from "node:net";

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
const mails = [];

function decodeWords(s) {
  return s.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, charset, enc, text) => {
    const bytes =
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64")
        : Buffer.from(qp(text.replace(/_/g, " ")), "latin1");
    return bytes.toString(charset.toLowerCase() === "utf-8" ? "utf8" : "latin1");
  }).replace(/\?=\s+=\?/g, "?==?");
}

function qp(s) {
  return s.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

// Headers (unfolded, names lower-cased) and body of a MIME entity given as a latin1 string.
function entity(raw) {
  const at = raw.indexOf("\r\n\r\n");
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? "" : raw.slice(at + 4);
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const c = line.indexOf(":");
    if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return { headers, body };
}

function text(e) {
  const type = e.headers["content-type"] || "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type);
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of e.body.split("--" + boundary[1]).slice(1)) {
      const t = text(entity(part.replace(/^\r\n/, "")));
      if (t !== null) return t;
    }
    return null;
  }
  if (!/^text\/plain/i.test(type)) return null;
  const cte = (e.headers["content-transfer-encoding"] || "7bit").toLowerCase();
  const bytes = cte === "base64" ? Buffer.from(e.body, "base64") : Buffer.from(cte === "quoted-printable" ? qp(e.body) : e.body, "latin1");
  return bytes.toString("utf8");
}

function keep(rcpts, data) {
  const e = entity(data);
  for (const to of rcpts) {
    mails.push({ n: mails.length + 1, to, subject: decodeWords(e.headers.subject || ""), text: text(e) || "" });
  }
}

net
  .createServer((sock) => {
    let buf = "";
    let inData = false;
    let lines = [];
    let rcpts = [];
    const say = (s) => sock.write(s + "\r\n");
    sock.on("error", () => {});
    say("220 load-sink ESMTP");
    sock.on("data", (chunk) => {
      buf += chunk.toString("latin1");
      let i;
      while ((i = buf.indexOf("\r\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            keep(rcpts, lines.join("\r\n"));
            lines = [];
            rcpts = [];
            say("250 2.0.0 kept");
          } else lines.push(line.startsWith("..") ? line.slice(1) : line);
          continue;
        }
        const verb = line.split(" ")[0].toUpperCase();
        if (verb === "EHLO") say("250-load-sink\r\n250 8BITMIME");
        else if (verb === "HELO" || verb === "NOOP" || verb === "MAIL") say("250 OK");
        else if (verb === "RSET") {
          rcpts = [];
          say("250 OK");
        } else if (verb === "RCPT") {
          const m = /<([^>]*)>/.exec(line);
          if (m) rcpts.push(m[1].toLowerCase());
          say("250 OK");
        } else if (verb === "DATA") {
          inData = true;
          say("354 go on");
        } else if (verb === "QUIT") {
          say("221 bye");
          sock.end();
        } else say("502 not here");
      }
    });
  })
  .listen(smtpPort, "127.0.0.1");

http
  .createServer((req, res) => {
    const url = new URL(req.url, "http://sink");
    res.setHeader("Content-Type", "application/json");
    if (url.pathname === "/mail") {
      const to = (url.searchParams.get("to") || "").toLowerCase();
      res.end(JSON.stringify(mails.filter((m) => m.to === to)));
    } else if (url.pathname === "/all") {
      res.end(JSON.stringify(mails.map(({ to, subject }) => ({ to, subject }))));
    } else {
      res.statusCode = 404;
      res.end("[]");
    }
  })
  .listen(httpPort, "127.0.0.1", () => console.log(`mail sink: smtp ${smtpPort}, http ${httpPort}`));
