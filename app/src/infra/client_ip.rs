//! The client's address behind proxies. `TRUSTED_PROXIES` (a CIDR list, empty by default) names
//! the load balancers in front of the portal; only when the connection comes from one of them is
//! `X-Forwarded-For` read, right to left, skipping trusted hops: the first address that is not a
//! trusted proxy is the client. A client cannot spoof its address by sending the header itself:
//! whatever it wrote stands to the left of what the trusted proxy appended. Limits, the audit
//! trail and the sessions list all use the result.

use ipnet::IpNet;
use std::net::IpAddr;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// `10.0.0.0/8, 127.0.0.1, ::1` (a bare address is a /32 or /128).
    pub fn parse(text: &str) -> Result<TrustedProxies, String> {
        let mut nets = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let net = match part.parse::<IpNet>() {
                Ok(n) => n,
                Err(_) => part
                    .parse::<IpAddr>()
                    .map(IpNet::from)
                    .map_err(|_| format!("`{part}` is not an address or CIDR range"))?,
            };
            nets.push(net);
        }
        Ok(TrustedProxies(nets))
    }

    pub fn contains(&self, ip: &IpAddr) -> bool {
        self.0.iter().any(|n| n.contains(ip))
    }

    /// The client address for a connection from `peer` carrying these `X-Forwarded-For` values.
    pub fn client_ip<'a>(
        &self,
        peer: IpAddr,
        forwarded_for: impl Iterator<Item = &'a str>,
    ) -> IpAddr {
        if !self.contains(&peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded_for
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            match hop.parse::<IpAddr>() {
                Ok(ip) if self.contains(&ip) => client = ip,
                Ok(ip) => return ip,
                // Garbage is not an address: the last trusted hop is as far as we can see.
                Err(_) => return client,
            }
        }
        client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_read_only_through_trusted_hops() {
        let none = TrustedProxies::default();
        let lb = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1").unwrap();
        // No trusted proxies: the header is ignored, whatever it says.
        assert_eq!(
            none.client_ip(ip("203.0.113.9"), ["1.2.3.4"].into_iter()),
            ip("203.0.113.9")
        );
        // Spoofed header straight from a client (not a trusted peer): ignored.
        assert_eq!(
            lb.client_ip(ip("203.0.113.9"), ["1.2.3.4"].into_iter()),
            ip("203.0.113.9")
        );
        // Through the load balancer: the hop it appended.
        assert_eq!(
            lb.client_ip(ip("10.0.0.2"), ["198.51.100.7"].into_iter()),
            ip("198.51.100.7")
        );
        // A client that sends its own header through the load balancer: its guess stays on the
        // left, the address the load balancer saw is used.
        assert_eq!(
            lb.client_ip(ip("10.0.0.2"), ["1.2.3.4, 198.51.100.7"].into_iter()),
            ip("198.51.100.7")
        );
        // Two trusted hops (CDN → LB), and repeated headers.
        assert_eq!(
            lb.client_ip(
                ip("127.0.0.1"),
                ["1.2.3.4", "198.51.100.7, 10.1.1.1"].into_iter()
            ),
            ip("198.51.100.7")
        );
        // Garbage stops the walk at the last trusted hop; an empty header leaves the peer.
        assert_eq!(
            lb.client_ip(ip("10.0.0.2"), ["nonsense, 10.9.9.9"].into_iter()),
            ip("10.9.9.9")
        );
        assert_eq!(
            lb.client_ip(ip("10.0.0.2"), std::iter::empty()),
            ip("10.0.0.2")
        );
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("::1, fd00::/8").is_ok());
    }
}
