package org.haochaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.junit.jupiter.api.Test;

/**
 * No public or protected member of a package that the {@code org.haochaping.core} module exports mentions a Bouncy
 * Castle type (issue 16, point 4): not in a signature, a generic argument, a thrown type, a supertype or a field. Bouncy
 * Castle stays an implementation detail that can be upgraded or swapped without breaking callers; the SDK's own
 * modules reach its parameters through the unexported {@code org.haochaping.crypto.internal}. Reads the compiled
 * classes by reflection (without initialising them) and the exports of {@code src/main/java9/module-info.java}.
 */
class NoBouncyCastleInPublicApiTest {

    private static final String FORBIDDEN = "org.bouncycastle.";

    @Test
    void noExportedPackageMentionsBouncyCastleInItsPublicSignatures() throws Exception {
        Set<String> exported = exportedPackages();
        List<Class<?>> types = new ArrayList<>();
        for (String name : compiledClassNames()) {
            String pkg = name.substring(0, name.lastIndexOf('.'));
            if (exported.contains(pkg)) {
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (reachable(type)) {
                    types.add(type);
                }
            }
        }
        // The scan saw the key API: a moved package or an empty class directory would pass without looking.
        assertThat(types).extracting(Class::getName)
                .contains("org.haochaping.crypto.keys.PrivateKeyMaterial", "org.haochaping.crypto.keys.PublicKeyMaterial",
                        "org.haochaping.crypto.sign.Sm2Signer", "org.haochaping.client.HcpClient");
        List<String> findings = new ArrayList<>();
        for (Class<?> type : types) {
            findings.addAll(bouncyCastleMentions(type));
        }
        assertThat(findings).as("public or protected members of exported packages that mention Bouncy Castle").isEmpty();
    }

    @Test
    void theScanFindsBouncyCastleWhereItIs() {
        // The internal bridge is public and full of Bouncy Castle types: the scan must report it (it is allowed there
        // only because its package is not exported).
        assertThat(bouncyCastleMentions(BouncyCastleKeys.class))
                .anySatisfy(f -> assertThat(f).contains("privateKey").contains("AsymmetricKeyParameter"))
                .anySatisfy(f -> assertThat(f).contains("parameters").contains("AsymmetricKeyParameter"));
        assertThat(bouncyCastleMentions(BouncyCastleKeys.Access.class)).hasSize(4);
    }

    @Test
    void internalPackagesAreNotExported() throws IOException {
        assertThat(exportedPackages()).isNotEmpty().noneMatch(p -> p.contains(".internal"));
    }

    /** Every mention of a Bouncy Castle type in what {@code type} shows to code outside its package. */
    static List<String> bouncyCastleMentions(Class<?> type) {
        List<String> findings = new ArrayList<>();
        String where = type.getName();
        check(findings, where + " extends", type.getGenericSuperclass());
        for (Type i : type.getGenericInterfaces()) {
            check(findings, where + " implements", i);
        }
        for (TypeVariable<?> v : type.getTypeParameters()) {
            check(findings, where + " type parameter " + v.getName(), v);
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers())) {
                check(findings, where + "." + f.getName(), f.getGenericType());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers())) {
                for (Type p : c.getGenericParameterTypes()) {
                    check(findings, where + ".<init> parameter", p);
                }
                for (Type e : c.getGenericExceptionTypes()) {
                    check(findings, where + ".<init> throws", e);
                }
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!visible(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            check(findings, where + "." + m.getName() + " returns", m.getGenericReturnType());
            for (Type p : m.getGenericParameterTypes()) {
                check(findings, where + "." + m.getName() + " parameter", p);
            }
            for (Type e : m.getGenericExceptionTypes()) {
                check(findings, where + "." + m.getName() + " throws", e);
            }
            for (TypeVariable<?> v : m.getTypeParameters()) {
                check(findings, where + "." + m.getName() + " type parameter " + v.getName(), v);
            }
        }
        return findings;
    }

    private static void check(List<String> findings, String where, Type type) {
        Set<String> names = new TreeSet<>();
        collect(type, names, new HashSet<>());
        for (String name : names) {
            if (name.startsWith(FORBIDDEN)) {
                findings.add(where + ": " + name);
            }
        }
    }

    private static void collect(Type type, Set<String> names, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class) {
            Class<?> c = (Class<?>) type;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            names.add(c.getName());
        } else if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            collect(p.getRawType(), names, seen);
            collect(p.getOwnerType(), names, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, names, seen);
            }
        } else if (type instanceof WildcardType) {
            for (Type b : ((WildcardType) type).getUpperBounds()) {
                collect(b, names, seen);
            }
            for (Type b : ((WildcardType) type).getLowerBounds()) {
                collect(b, names, seen);
            }
        } else if (type instanceof GenericArrayType) {
            collect(((GenericArrayType) type).getGenericComponentType(), names, seen);
        } else if (type instanceof TypeVariable) {
            for (Type b : ((TypeVariable<?>) type).getBounds()) {
                collect(b, names, seen);
            }
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** A type that code in another package can name: public or protected, and so is every type enclosing it. */
    private static boolean reachable(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!visible(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** The packages that {@code exports} names without {@code to}, read from the module declaration's source. */
    static Set<String> exportedPackages() throws IOException {
        String source = new String(Files.readAllBytes(Paths.get("src", "main", "java9", "module-info.java")),
                StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Set<String> exported = new TreeSet<>();
        Matcher m = Pattern.compile("\\bexports\\s+([\\w.]+)\\s*;").matcher(source);
        while (m.find()) {
            exported.add(m.group(1));
        }
        return exported;
    }

    /** Binary names of the classes in sdk-core's {@code target/classes}, outside {@code META-INF}. */
    private static List<String> compiledClassNames() throws IOException, URISyntaxException {
        Path classes = Paths.get(PrivateKeyMaterial.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.startsWith("META-INF/") && !n.equals("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
