// A real OpenID Connect provider for ChurnWatch's dashboard sign-in tests: panva's certified oidc-provider on
// 127.0.0.1, with one confidential client and a few fixed accounts that carry `email` and `groups` claims.
// Its development login and consent pages take any password; never run this beyond a test.
//
// Settings come from the environment, so a test can pick free ports and a client of its own:
//   OIDC_PORT           port to listen on (127.0.0.1)
//   OIDC_ISSUER         the issuer URL (default http://localhost:<port>: another site than the dashboard's
//                       127.0.0.1, so the browser sees the cross-site redirects a real provider makes)
//   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI   the one client (redirect: the dashboard's /signin-oidc)
// Prints "oidc-provider listening on <issuer>" once it accepts connections.
import Provider from 'oidc-provider';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
};

const port = Number(process.argv[2] ?? env('OIDC_PORT'));
const issuer = process.env.OIDC_ISSUER || `http://localhost:${port}`;

// The test accounts: the login name typed on the provider's login page is the account's e-mail.
const accounts = {
  'ada.admin@example.com': ['cw-admins', 'everyone'],
  'fred.finance@example.com': ['cw-finance', 'everyone'],
  'mia.manager@example.com': ['cw-account-managers', 'everyone'],
  'lea.lead@example.com': ['cw-team-leads', 'cw-account-managers'],
  'nora.nogroup@example.com': ['everyone'],
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: env('OIDC_CLIENT_ID'),
    client_secret: env('OIDC_CLIENT_SECRET'),
    redirect_uris: [env('OIDC_REDIRECT_URI')],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    // ASP.NET Core's handler sends the secret in the token request's body.
    token_endpoint_auth_method: 'client_secret_post',
  }],
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  async findAccount(ctx, id) {
    if (!Object.hasOwn(accounts, id)) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: id.split('@')[0], groups: accounts[id] };
      },
    };
  },
  pkce: { required: () => true },
  cookies: { keys: ['churnwatch-test-provider-only'] },
  features: { devInteractions: { enabled: true } },
});

// The development pages import a web font from Google; a test must not reach beyond this machine, so it goes.
provider.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string' && ctx.response.is('html')) {
    ctx.body = ctx.body.replace(/@import url\([^)]*\);?/g, '');
  }
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
