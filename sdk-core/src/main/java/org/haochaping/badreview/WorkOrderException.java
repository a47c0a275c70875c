package org.haochaping.badreview;

import org.haochaping.HcpException;

/** A work order that breaks a rule of chapter 5; {@link #article()} names the rule. */
public class WorkOrderException extends HcpException {

    private final String article;

    WorkOrderException(String article, String message) {
        super(message + " (" + article + ")");
        this.article = article;
    }

    /** The article broken, e.g. {@code Art. 21}. */
    public String article() {
        return article;
    }
}
