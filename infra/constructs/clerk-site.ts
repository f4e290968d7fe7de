import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

export interface ClerkSiteProps {
  /** Host name of the review API (its custom domain, or `{id}.execute-api.{region}.amazonaws.com`), under `/api/*`. */
  readonly apiDomainName: string;
  /** Built clerk page (`web/dist`); when absent only `config.json` is deployed and the page comes with a later one. */
  readonly contentDirectory?: string;
  /** The hosted sign-in the page sends people to: written into the page's `config.json`. */
  readonly signIn: {
    /** Host name of the Cognito domain, `{prefix}.auth.{region}.amazoncognito.com`. */
    readonly domain: string;
    /** The page's app client (public: no secret). */
    readonly clientId: string;
  };
  /**
   * Custom domain the page is served under, when there is one: an alternate domain name of the distribution with its
   * ACM certificate (us-east-1), and the sign-in redirect target. The domain's DNS points at the distribution.
   */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
}

/**
 * What the page reads from `/config.json` to decide how to sign in (web/src/cognito-sign-in.ts `PageConfig`); the
 * local server answers `{ auth: 'dev' }` at the same path.
 */
export interface DeployedPageConfig {
  readonly auth: 'cognito';
  readonly domain: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly apiBase: string;
}

/** Path of the page's sign-in settings, next to index.html. */
export const PAGE_CONFIG_FILE = 'config.json';

/**
 * The clerk page: a private bucket served by CloudFront through origin access control, HTTPS only, with security
 * headers; `/api/*` goes to the review API on the same origin, so the page needs no CORS and behaves as under
 * `npm start`.
 */
export class ClerkSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://{distribution domain}/`. */
  readonly distributionUrl: string;
  /** Where people open the page: the custom domain when set, else the distribution; the sign-in redirect target. */
  readonly pageUrl: string;
  readonly pageConfig: DeployedPageConfig;

  constructor(scope: Construct, id: string, props: ClerkSiteProps) {
    super(scope, id);

    // CloudFront standard logs are delivered with ACLs, which the stateful access-log bucket disables; and a bucket
    // policy there naming this stack's bucket would make the stateful stack depend on this one.
    const siteLogs = new Bucket(this, 'LogBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-site-logs', expiration: Duration.days(365) }],
    });

    this.bucket = new Bucket(this, 'ContentBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: siteLogs,
      serverAccessLogsPrefix: 'content-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Clerk page: strict transport, no framing, no sniffing, same-origin scripts',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
        contentSecurityPolicy: {
          // Page images come from presigned S3 URLs, hence https: for img-src and connect-src.
          contentSecurityPolicy:
            "default-src 'self'; img-src 'self' data: blob: https:; connect-src 'self' https:; " +
            "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
          override: true,
        },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Skill Subsidy Intake clerk page',
      ...(props.customDomain
        ? {
            domainNames: [props.customDomain.domainName.toLowerCase()],
            certificate: Certificate.fromCertificateArn(this, 'PageCertificate', props.customDomain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: siteLogs,
      logFilePrefix: 'distribution/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // The API authorises by the Authorization header; the Host must be the API's own.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });

    this.distributionUrl = `https://${this.distribution.distributionDomainName}/`;
    this.pageUrl = props.customDomain ? `https://${props.customDomain.domainName.toLowerCase()}/` : this.distributionUrl;
    this.pageConfig = {
      auth: 'cognito',
      domain: props.signIn.domain,
      clientId: props.signIn.clientId,
      redirectUri: this.pageUrl,
      // Same origin: CloudFront sends /api/* to the review API.
      apiBase: '/api',
    };

    // One deployment for the page and its config: two on one bucket would each prune the other's files.
    new BucketDeployment(this, 'Content', {
      sources: [...(props.contentDirectory ? [Source.asset(props.contentDirectory)] : []), Source.jsonData(PAGE_CONFIG_FILE, this.pageConfig)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      // Both change with every deployment that changes the page or the client; the hashed assets do not need it.
      distributionPaths: ['/index.html', `/${PAGE_CONFIG_FILE}`],
    });

    new CfnOutput(this, 'ClerkPageUrl', { value: `https://${this.distribution.distributionDomainName}` });
  }
}
