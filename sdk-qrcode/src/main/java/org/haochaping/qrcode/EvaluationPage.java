package org.haochaping.qrcode;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The evaluation page (评价页面) that both kinds of code point at: scanning a code opens this URL with
 * the code's parameters appended, and the page shows the window or the case to evaluate (Art. 10(二)).
 * Immutable.
 *
 * <p>The URL is plain ASCII (internationalised host names in punycode), has no fragment, and may carry
 * a query of its own as long as it does not use the parameter names the codes append
 * ({@code a h w d r}).
 */
public final class EvaluationPage {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern URL = Pattern.compile(
            "https?://" + LABEL + "(?:\\." + LABEL + ")*(?::[0-9]{1,5})?"
                    + "(?:/[A-Za-z0-9._~!$'()*+,;=:@%-]*)*"
                    + "(?:\\?[A-Za-z0-9._~!$'()*+,;=:@%/?&-]*)?");
    private static final int MAX_LENGTH = 200;

    /**
     * The default page, {@value #DEFAULT_URL}. This is the SDK's assumption for the Tianjin platform's
     * evaluation page (天津网上办事大厅 is at {@code zwfw.tj.gov.cn}): no published document names the page,
     * so set the one your platform announces with {@link #of(String)}. Receipt codes are sized so that they
     * fit QR version 10 at error correction M under this URL (see {@link ReceiptCodeIssuer}).
     */
    public static final String DEFAULT_URL = "https://zwfw.tj.gov.cn/hcp/e";

    public static final EvaluationPage DEFAULT = of(DEFAULT_URL);

    private final String baseUrl;

    private EvaluationPage(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * @throws InvalidFieldException if the URL is not an absolute http(s) URL of at most 200 ASCII
     *     characters without fragment, or its query ends in {@code ?}/{@code &} or uses a code parameter name
     */
    public static EvaluationPage of(String baseUrl) {
        if (baseUrl == null || baseUrl.length() > MAX_LENGTH || !URL.matcher(baseUrl).matches()) {
            throw new InvalidFieldException("baseUrl", "must be an absolute http(s) URL of at most " + MAX_LENGTH
                    + " ASCII characters, without fragment");
        }
        if (baseUrl.endsWith("?") || baseUrl.endsWith("&")) {
            throw new InvalidFieldException("baseUrl", "must not end with '?' or '&': the codes add their own separator");
        }
        int query = baseUrl.indexOf('?');
        if (query >= 0) {
            for (String parameter : baseUrl.substring(query + 1).split("&", -1)) {
                String name = parameter.split("=", 2)[0];
                if (Arrays.asList(CodeText.RESERVED_NAMES).contains(name)) {
                    throw new InvalidFieldException("baseUrl", "must not use the query parameter '" + name
                            + "': the codes append it");
                }
            }
        }
        return new EvaluationPage(baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The page URL with the code's query appended after {@code ?}, or after {@code &} if the page has a query. */
    String link(String codeQuery) {
        return baseUrl + (baseUrl.indexOf('?') >= 0 ? '&' : '?') + codeQuery;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluationPage && ((EvaluationPage) o).baseUrl.equals(baseUrl);
    }

    @Override
    public int hashCode() {
        return baseUrl.hashCode();
    }

    @Override
    public String toString() {
        return "EvaluationPage{" + baseUrl + "}";
    }
}
