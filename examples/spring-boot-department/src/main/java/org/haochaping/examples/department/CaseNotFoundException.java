package org.haochaping.examples.department;

/** A case this system has no record of (or no evaluation of, for an appended one). */
public class CaseNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CaseNotFoundException(String caseNo) {
        super("no evaluated case " + caseNo + " is recorded here");
    }
}
