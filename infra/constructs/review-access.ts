import { Annotations, CfnOutput, Duration, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { ApiMapping, DomainName, HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
  UserPoolEmail,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Cognito groups the review API authorises by (`cognito:groups` claim). */
export const ReviewGroup = {
  clerk: 'clerk',
  supervisor: 'supervisor',
  institution: 'institution',
} as const;

/** Custom attribute naming the training institution an `institution` user belongs to (`custom:institutionId`). */
export const INSTITUTION_ATTRIBUTE = 'institutionId';

export interface ReviewAccessProps {
  readonly logRetention: RetentionDays;
  /** Prefix of the hosted sign-in domain, `{prefix}.auth.{region}.amazoncognito.com`. */
  readonly authDomainPrefix: string;
  /** The `$default` stage's steady rate (requests/s) and burst. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * An SES-verified domain: Cognito sends invitations and codes as `noreply@{domain}` through SES. Without one the
   * pool uses Cognito's own sender (50 messages a day), and the synth warns.
   */
  readonly mailDomain?: string;
  /**
   * A regional custom domain for the API: CloudFront reaches the API by it, and the execute-api endpoint is disabled
   * so nothing bypasses the page's distribution.
   */
  readonly apiDomain?: { readonly domainName: string; readonly certificateArn: string };
}

/**
 * Who may use the review API: a Cognito user pool (no self sign-up, strong passwords, TOTP MFA required) with the
 * clerk/supervisor/institution groups, its hosted sign-in domain, the page's app client (authorization code + PKCE,
 * no secret), and an HTTP API whose every route needs a valid ID token of that client.
 */
export class ReviewAccess extends Construct {
  readonly userPool: UserPool;
  readonly userPoolDomain: UserPoolDomain;
  /** The clerk page's client: its ID tokens are what the API accepts (audience = this client id). */
  readonly userPoolClient: UserPoolClient;
  readonly httpApi: HttpApi;
  private readonly authorizer: HttpUserPoolAuthorizer;
  // Filled by allowSignInFrom(): the page's URL is known only once the distribution exists, after this construct.
  private readonly signInUrls: string[] = [];

  constructor(scope: Construct, id: string, props: ReviewAccessProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by the bureau for its staff and for accredited institutions, never by strangers.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Clerks see ID numbers and approve payments: a stolen password alone must not be enough.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: { [INSTITUTION_ATTRIBUTE]: new StringAttribute({ mutable: true, maxLen: 64 }) },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.mailDomain
        ? { email: UserPoolEmail.withSES({ fromEmail: `noreply@${props.mailDomain}`, fromName: '西湖区技能补贴受理', sesVerifiedDomain: props.mailDomain }) }
        : {}),
    });
    if (!props.mailDomain) {
      Annotations.of(this).addWarning('No receivingDomain: Cognito mails through its own sender (50 a day). Set -c receivingDomain=… for SES.');
    }

    for (const [constructId, groupName] of [
      ['ClerkGroup', ReviewGroup.clerk],
      ['SupervisorGroup', ReviewGroup.supervisor],
      ['InstitutionGroup', ReviewGroup.institution],
    ] as const) {
      new UserPoolGroup(this, constructId, { userPool: this.userPool, groupName });
    }

    this.userPoolDomain = this.userPool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: props.authDomainPrefix },
      // The classic hosted UI: needs no branding resource, and sets up TOTP on first sign-in as MFA requires.
      managedLoginVersion: ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });

    const signInUrls = Lazy.list({ produce: () => this.signInUrls }, { omitEmpty: false });
    this.userPoolClient = this.userPool.addClient('ClerkPageClient', {
      generateSecret: false,
      // SRP stays for scripted sign-in (tests, the CLI); the page uses the hosted UI's code flow.
      authFlows: { userSrp: true },
      oAuth: {
        // Authorization code only: the page proves possession with PKCE, there is no secret to keep in a browser.
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: signInUrls,
        logoutUrls: signInUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      // The API authorises institutions by custom:institutionId in the ID token: the client must read it, and no
      // user may write it (only the bureau's administrators set it, with admin calls).
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(INSTITUTION_ATTRIBUTE),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });

    this.authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', this.userPool, {
      userPoolClients: [this.userPoolClient],
    });

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Skill Subsidy Intake review API',
      defaultAuthorizer: this.authorizer,
      createDefaultStage: false,
      // Behind CloudFront by its custom domain: the execute-api URL would let callers skip the distribution.
      disableExecuteApiEndpoint: props.apiDomain !== undefined,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Request metadata and the caller's subject only: no bodies, no names, no ID numbers.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            httpMethod: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLatency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            user: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });

    if (props.apiDomain) {
      const domainName = new DomainName(this, 'ApiDomain', {
        domainName: props.apiDomain.domainName,
        certificate: Certificate.fromCertificateArn(this, 'ApiCertificate', props.apiDomain.certificateArn),
      });
      new ApiMapping(this, 'ApiMapping', { api: this.httpApi, domainName, stage });
      new CfnOutput(this, 'ApiDomainTarget', { value: domainName.regionalDomainName });
    }

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'HostedSignInDomain', { value: this.hostedSignInDomain });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'ApiEndpoint', { value: props.apiDomain ? `https://${props.apiDomain.domainName}` : this.httpApi.apiEndpoint });
  }

  /** Host name of the hosted sign-in (`{prefix}.auth.{region}.amazoncognito.com`), without scheme. */
  get hostedSignInDomain(): string {
    return `${this.userPoolDomain.domainName}.auth.${Stack.of(this).region}.amazoncognito.com`;
  }

  /**
   * Lets the page at `url` sign in and out through the hosted UI (callback and sign-out URL of the page client).
   *
   * @example
   * access.allowSignInFrom(`https://${distribution.distributionDomainName}/`);
   */
  allowSignInFrom(url: string): void {
    if (!this.signInUrls.includes(url)) this.signInUrls.push(url);
  }

  /**
   * Routes every `/api/...` request to the API function, behind the Cognito authorizer.
   *
   * @example
   * access.routeTo(apiFunction.function);
   */
  routeTo(handler: IFunction): void {
    this.httpApi.addRoutes({
      path: '/api/{proxy+}',
      methods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT, HttpMethod.DELETE],
      integration: new HttpLambdaIntegration('ApiIntegration', handler),
    });
  }
}
