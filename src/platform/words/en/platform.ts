/**
 * The words every page shares: the layout (account links, back link, error summary, footer), the
 * service navigation, the error pages, the HTTP refusals people and API clients read, and the API
 * documentation page. Part of the English catalogue (../en.ts).
 */
export const platformWords = {
  layout: {
    /** Put before the page title when the form on the page has errors. */
    errorTitlePrefix: 'Error: ',
    signIn: 'Sign in',
    signOut: 'Sign out',
    back: 'Back',
    errorSummaryTitle: 'There is a problem',
    supportLinks: 'Support links',
    apiDocumentation: 'API documentation',
    serviceStatus: 'Service status',
    footerAbout: 'Golden Thread: open-source performance management for councils.',
  },
  navigation: {
    myData: 'My data',
    plans: 'Plans',
    measures: 'Measures',
    performance: 'Performance',
    delivery: 'Delivery',
    risksAndMoney: 'Risks and money',
    council: 'Council',
  },
  errorPages: {
    csrfTitle: 'This form has expired',
    csrfBody: 'Go back, reload the page and try again. Nothing was saved.',
    forbiddenTitle: 'You do not have permission to see this page',
    forbiddenBody: 'Ask a performance officer or administrator if you need access.',
    notFoundTitle: 'Page not found',
    notFoundTyped: 'If you typed the web address, check it is correct.',
    notFoundFollowed: 'If you followed a link, the item may have been removed, or you may not be able to see it.',
    problemTitle: 'Sorry, there is a problem',
    tooManyTitle: 'Too many requests',
    tooManyBody: 'There have been too many requests from you in a short time. Wait {seconds} seconds and try again.',
  },
  /** What a refused request is told (problem details under /api, the error pages elsewhere). */
  httpRefusals: {
    noSuchResource: 'No such resource: {url}',
    fieldInvalid: 'is invalid',
    databaseUnavailable: 'The service cannot reach its database just now. Try again in a minute.',
    malformedUpload: 'The upload was cut short or is not a proper form. Choose the file and send it again.',
    somethingWentWrong: 'Something went wrong. It has been logged.',
    signInOrToken: 'Sign in or send an API token (Authorization: Bearer …)',
    noPermission: 'You do not have permission to do this',
    tokensOnlyBySession: 'API tokens can only be made and managed by a signed-in person, not with a token',
    readOnlyToken: 'This API token may only read: ask its owner for a token that may write',
    secondFactorFirst: 'Your council requires administrators to turn on a second factor before anything else',
    csrfHeader: 'Missing or wrong x-csrf-token header (or use an API token)',
    tooManyRequests: 'Too many requests. Wait {seconds} seconds and try again',
    nulCharacter: 'The request contains a NUL character (\\0, or %00 in a URL), which is not allowed anywhere',
  },
  apiDocs: {
    title: 'API documentation',
    /** The group of operations that have no tag. */
    otherGroup: 'Other',
    /** {api} is the API's path in code markup; {link} the link to the OpenAPI document. */
    intro:
      'Everything you can do in the pages you can do through the JSON API under {api}. The machine-readable description is the {link}.',
    openApiLink: 'OpenAPI 3.1 document',
    authenticationHeading: 'Authentication',
    /** {link} is the link to the API tokens page; {header} the header in code markup. */
    authentication:
      'Create an API token under {link} and send it as {header}. A token acts with the roles of the person who created it.',
    apiTokensLink: 'Your API tokens',
    /** The header an API client sends, shown as code (the placeholder may be translated). */
    bearerHeader: 'Authorization: Bearer <token>',
    errorsHeading: 'Errors',
    /** {status}, {detail}, {code} and {errors} are the field names in code markup. */
    errors:
      'Errors are problem details (RFC 9457) with {status}, {detail}, a {code} and, where a field is at fault, {errors} naming the field and the reason. 400 means the request is invalid, 401 that no valid token was sent, 403 that your roles do not allow it, 404 that nothing was found, 409 that it conflicts with what is stored.',
    method: 'Method',
    path: 'Path',
    whatItDoes: 'What it does',
  },
};
