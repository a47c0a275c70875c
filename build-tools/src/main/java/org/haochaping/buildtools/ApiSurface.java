package org.haochaping.buildtools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;

/**
 * The public API of one module, read from its class files: every public or protected type and member that is not
 * internal API, rendered as sorted Java-like text (the API dump), and every place where that API exposes an internal
 * type (a leak).
 *
 * <p>Internal API: a type annotated {@code @org.haochaping.InternalApi}, a type in a package with an {@code internal}
 * segment, anything nested in either, and a member annotated {@code @InternalApi}. A protected member of a final
 * class cannot be reached by anyone and is left out; so are synthetic and bridge members.
 */
public final class ApiSurface {

    private final Map<String, ClassInfo> own = new HashMap<>();
    private final Function<String, ClassInfo> elsewhere;
    private final Map<String, ClassInfo> resolved = new HashMap<>();

    /**
     * @param classes the module's classes
     * @param elsewhere finds a class of another module (the module's dependencies) by internal name; returns
     *     {@code null} when it does not know it
     */
    public ApiSurface(List<ClassInfo> classes, Function<String, ClassInfo> elsewhere) {
        for (ClassInfo c : classes) {
            own.put(c.name(), c);
        }
        this.elsewhere = elsewhere;
    }

    /** Whether a type (of this module or, through {@code elsewhere}, of another) is internal API. */
    public boolean isInternal(String internalName) {
        ClassInfo c = lookup(internalName);
        if (c == null) {
            return isInternalPackage(internalName);
        }
        if (c.internalMarked() || isInternalPackage(c.name())) {
            return true;
        }
        return c.outerName() != null && isInternal(c.outerName());
    }

    /** Whether a type of this module is part of its public API. */
    public boolean isApi(ClassInfo c) {
        if (c.local() || (c.access() & Opcodes.ACC_SYNTHETIC) != 0 || isInternal(c.name())) {
            return false;
        }
        boolean visible = (c.access() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
        if (!visible) {
            return false;
        }
        if (c.outerName() == null) {
            return true;
        }
        ClassInfo outer = own.get(c.outerName());
        return outer != null && isApi(outer);
    }

    /** The module's API types, sorted by name. */
    public List<ClassInfo> apiTypes() {
        return own.values().stream().filter(this::isApi)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** The API members of an API type (fields then methods, each in declaration order). */
    public List<ClassInfo.MemberInfo> apiMembers(ClassInfo c) {
        List<ClassInfo.MemberInfo> out = new ArrayList<>();
        for (ClassInfo.MemberInfo f : c.fields()) {
            if (isApiMember(c, f)) {
                out.add(f);
            }
        }
        for (ClassInfo.MemberInfo m : c.methods()) {
            if (isApiMember(c, m) && !m.name().equals("<clinit>")) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean isApiMember(ClassInfo owner, ClassInfo.MemberInfo m) {
        if ((m.access() & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0 || m.internalMarked()) {
            return false;
        }
        if ((m.access() & Opcodes.ACC_PUBLIC) != 0) {
            return true;
        }
        return (m.access() & Opcodes.ACC_PROTECTED) != 0 && (owner.access() & Opcodes.ACC_FINAL) == 0;
    }

    /** The API dump: one header line per type, its members indented below it, sorted; ends with a newline. */
    public String dump() {
        StringBuilder out = new StringBuilder();
        for (ClassInfo c : apiTypes()) {
            out.append(header(c)).append(" {\n");
            Set<String> lines = new TreeSet<>();
            for (ClassInfo.MemberInfo m : apiMembers(c)) {
                lines.add(member(c, m));
            }
            for (String line : lines) {
                out.append("    ").append(line).append('\n');
            }
            out.append("}\n\n");
        }
        return out.toString();
    }

    /**
     * Every place where the API exposes an internal type: a supertype, a field type, a parameter, return or thrown
     * type, a type argument or bound. Sorted; empty when there is none.
     */
    public List<String> leaks() {
        Set<String> out = new TreeSet<>();
        for (ClassInfo c : apiTypes()) {
            Set<String> header = new LinkedHashSet<>();
            if (c.superName() != null) {
                header.add(c.superName());
            }
            header.addAll(c.interfaces());
            ClassFiles.typesIn(c.signature(), header);
            for (String t : header) {
                if (isInternal(t)) {
                    out.add(c.binaryName() + " extends or implements internal " + t.replace('/', '.'));
                }
            }
            for (ClassInfo.MemberInfo m : apiMembers(c)) {
                Set<String> used = new LinkedHashSet<>();
                ClassFiles.typesIn(m.descriptor(), used);
                ClassFiles.typesIn(m.signature(), used);
                used.addAll(m.exceptions());
                for (String t : used) {
                    if (!t.equals(c.name()) && isInternal(t)) {
                        out.add(c.binaryName() + "." + m.name() + " exposes internal " + t.replace('/', '.'));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private ClassInfo lookup(String name) {
        ClassInfo c = own.get(name);
        if (c != null || !name.startsWith("org/haochaping/")) {
            return c;
        }
        return resolved.computeIfAbsent(name, elsewhere);
    }

    private static boolean isInternalPackage(String internalName) {
        String pkg = internalName.substring(0, Math.max(0, internalName.lastIndexOf('/')));
        return ("/" + pkg + "/").contains("/internal/");
    }

    static String header(ClassInfo c) {
        int a = c.access();
        StringBuilder out = new StringBuilder();
        if (c.deprecated()) {
            out.append("@Deprecated ");
        }
        out.append(visibility(a));
        if (c.outerName() != null && (a & Opcodes.ACC_STATIC) != 0 && (a & Opcodes.ACC_INTERFACE) == 0
                && (a & Opcodes.ACC_ENUM) == 0) {
            out.append("static ");
        }
        boolean isInterface = (a & Opcodes.ACC_INTERFACE) != 0;
        String kind;
        if ((a & Opcodes.ACC_ANNOTATION) != 0) {
            kind = "@interface ";
        } else if (isInterface) {
            kind = "interface ";
        } else if ((a & Opcodes.ACC_ENUM) != 0) {
            kind = "enum ";
        } else {
            kind = ((a & Opcodes.ACC_ABSTRACT) != 0 ? "abstract " : "") + ((a & Opcodes.ACC_FINAL) != 0 ? "final " : "")
                    + "class ";
        }
        out.append(kind).append(c.binaryName());
        String superclass;
        List<String> interfaces;
        if (c.signature() != null) {
            JavaSignatures.ClassHeader h = JavaSignatures.classHeader(c.signature());
            out.append(h.typeParameters());
            superclass = h.superclass();
            interfaces = h.interfaces();
        } else {
            superclass = c.superName() == null ? null : c.superName().replace('/', '.');
            interfaces = c.interfaces().stream().map(i -> i.replace('/', '.')).toList();
        }
        if (superclass != null && !isInterface && (a & Opcodes.ACC_ENUM) == 0
                && !superclass.equals("java.lang.Object")) {
            out.append(" extends ").append(superclass);
        }
        List<String> shown = interfaces.stream().filter(i -> !i.equals("java.lang.annotation.Annotation")).toList();
        if (!shown.isEmpty()) {
            out.append(isInterface ? " extends " : " implements ").append(String.join(", ", shown));
        }
        return out.toString();
    }

    static String member(ClassInfo owner, ClassInfo.MemberInfo m) {
        int a = m.access();
        boolean ownerIsInterface = (owner.access() & Opcodes.ACC_INTERFACE) != 0;
        StringBuilder out = new StringBuilder();
        if (m.deprecated()) {
            out.append("@Deprecated ");
        }
        out.append(visibility(a));
        if ((a & Opcodes.ACC_STATIC) != 0) {
            out.append("static ");
        }
        boolean isField = !m.descriptor().startsWith("(");
        if (isField) {
            if ((a & Opcodes.ACC_FINAL) != 0) {
                out.append("final ");
            }
            return out.append(JavaSignatures.fieldType(m.descriptor(), m.signature())).append(' ').append(m.name())
                    .toString();
        }
        if (ownerIsInterface) {
            if ((a & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == 0) {
                out.append("default ");
            }
        } else {
            if ((a & Opcodes.ACC_ABSTRACT) != 0) {
                out.append("abstract ");
            }
            if ((a & Opcodes.ACC_FINAL) != 0 && (owner.access() & Opcodes.ACC_FINAL) == 0) {
                out.append("final ");
            }
        }
        JavaSignatures.Method sig = JavaSignatures.method(m.descriptor(), m.signature(), m.exceptions());
        if (!sig.typeParameters().isEmpty()) {
            out.append(sig.typeParameters()).append(' ');
        }
        if (m.name().equals("<init>")) {
            out.append(owner.name().substring(owner.name().lastIndexOf('/') + 1));
        } else {
            out.append(sig.returnType()).append(' ').append(m.name());
        }
        List<String> parameters = new ArrayList<>(sig.parameters());
        if ((a & Opcodes.ACC_VARARGS) != 0 && !parameters.isEmpty()) {
            String last = parameters.get(parameters.size() - 1);
            parameters.set(parameters.size() - 1, last.substring(0, last.length() - 2) + "...");
        }
        out.append('(').append(String.join(", ", parameters)).append(')');
        if (!sig.exceptions().isEmpty()) {
            out.append(" throws ").append(String.join(", ", sig.exceptions()));
        }
        return out.toString();
    }

    private static String visibility(int access) {
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            return "public ";
        }
        return (access & Opcodes.ACC_PROTECTED) != 0 ? "protected " : "";
    }
}
