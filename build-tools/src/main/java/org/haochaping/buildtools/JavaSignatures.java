package org.haochaping.buildtools;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders JVM descriptors and generic signatures (JVMS 4.7.9.1) as Java source: {@code java.util.List<T>},
 * {@code <T extends java.lang.Comparable<T>>}. Class names keep {@code $} for nesting, so every rendered name is the
 * binary name and no two types render alike.
 */
final class JavaSignatures {

    private final String text;
    private int pos;

    private JavaSignatures(String text) {
        this.text = text;
    }

    /** A field's type: its signature when it has one, else its descriptor. */
    static String fieldType(String descriptor, String signature) {
        return new JavaSignatures(signature != null ? signature : descriptor).type();
    }

    /** A method in parts: type parameters ({@code ""} when none), parameter types, return type, thrown types. */
    record Method(String typeParameters, List<String> parameters, String returnType, List<String> exceptions) {
    }

    static Method method(String descriptor, String signature, List<String> declaredExceptions) {
        JavaSignatures p = new JavaSignatures(signature != null ? signature : descriptor);
        String typeParameters = p.typeParametersIfAny();
        p.expect('(');
        List<String> parameters = new ArrayList<>();
        while (p.peek() != ')') {
            parameters.add(p.type());
        }
        p.expect(')');
        String returnType = p.type();
        List<String> exceptions = new ArrayList<>();
        while (p.pos < p.text.length() && p.peek() == '^') {
            p.pos++;
            exceptions.add(p.type());
        }
        if (exceptions.isEmpty()) {
            for (String e : declaredExceptions) {
                exceptions.add(e.replace('/', '.'));
            }
        }
        return new Method(typeParameters, parameters, returnType, exceptions);
    }

    /** A class's type parameters, superclass and interfaces, from its signature. */
    record ClassHeader(String typeParameters, String superclass, List<String> interfaces) {
    }

    static ClassHeader classHeader(String signature) {
        JavaSignatures p = new JavaSignatures(signature);
        String typeParameters = p.typeParametersIfAny();
        String superclass = p.type();
        List<String> interfaces = new ArrayList<>();
        while (p.pos < p.text.length()) {
            interfaces.add(p.type());
        }
        return new ClassHeader(typeParameters, superclass, interfaces);
    }

    private String typeParametersIfAny() {
        if (peek() != '<') {
            return "";
        }
        pos++;
        StringBuilder out = new StringBuilder("<");
        while (peek() != '>') {
            if (out.length() > 1) {
                out.append(", ");
            }
            int colon = text.indexOf(':', pos);
            out.append(text, pos, colon);
            pos = colon;
            List<String> bounds = new ArrayList<>();
            while (peek() == ':') {
                pos++;
                if (peek() != ':' && peek() != '>' ) {
                    char c = peek();
                    if (c == 'L' || c == 'T' || c == '[') {
                        bounds.add(type());
                    }
                }
            }
            bounds.remove("java.lang.Object");
            if (!bounds.isEmpty()) {
                out.append(" extends ").append(String.join(" & ", bounds));
            }
        }
        pos++;
        return out.append('>').toString();
    }

    private String type() {
        char c = text.charAt(pos++);
        switch (c) {
            case 'Z': return "boolean";
            case 'B': return "byte";
            case 'C': return "char";
            case 'S': return "short";
            case 'I': return "int";
            case 'J': return "long";
            case 'F': return "float";
            case 'D': return "double";
            case 'V': return "void";
            case '[': return type() + "[]";
            case 'T': {
                int end = text.indexOf(';', pos);
                String name = text.substring(pos, end);
                pos = end + 1;
                return name;
            }
            case 'L': return classType();
            default: throw new IllegalArgumentException("bad signature at " + (pos - 1) + ": " + text);
        }
    }

    private String classType() {
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos);
            if (c == ';') {
                pos++;
                return out.toString();
            } else if (c == '<') {
                pos++;
                out.append('<');
                boolean first = true;
                while (peek() != '>') {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    char w = peek();
                    if (w == '*') {
                        pos++;
                        out.append('?');
                    } else if (w == '+') {
                        pos++;
                        out.append("? extends ").append(type());
                    } else if (w == '-') {
                        pos++;
                        out.append("? super ").append(type());
                    } else {
                        out.append(type());
                    }
                }
                pos++;
                out.append('>');
            } else if (c == '.') {
                pos++;
                out.append('$');
            } else {
                out.append(c == '/' ? '.' : c);
                pos++;
            }
        }
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + text);
        }
        pos++;
    }
}
