// An OIDC claims mapper: the provider's claims in, the identity's traits out.
// Only addresses the schema marks for verification are carried over as verified.
local claims = std.extVar('claims');
{
  identity: {
    traits: { email: claims.email },
    verified_addresses: std.prune([
      if claims.email_verified then { via: 'email', value: claims.email },
    ]),
  },
}
