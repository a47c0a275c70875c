package org.haochaping.buildtools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Reads class files into {@link ClassInfo}s: the one reader behind the API dump, the leak check and the layering test. */
public final class ClassFiles {

    /** The descriptor of {@code org.haochaping.InternalApi} (CLASS retention: an invisible annotation). */
    public static final String INTERNAL_API = "Lorg/haochaping/InternalApi;";

    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([A-Za-z0-9_$/]+)[;<.]");

    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_FIELDREF = 9;
    private static final int CONSTANT_METHODREF = 10;
    private static final int CONSTANT_INTERFACE_METHODREF = 11;
    private static final int CONSTANT_NAME_AND_TYPE = 12;
    private static final int CONSTANT_METHOD_TYPE = 16;

    private ClassFiles() {
    }

    /**
     * Every class under a class-output directory, sorted by name. {@code module-info} and the multi-release
     * versions under {@code META-INF} are left out: they describe the same classes again.
     */
    public static List<ClassInfo> readDirectory(Path classes) {
        if (!Files.isDirectory(classes)) {
            throw new IllegalArgumentException("not a directory of class files: " + classes);
        }
        List<ClassInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String relative = classes.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("/")) {
                    relative = relative.substring(1);
                }
                if (!relative.endsWith(".class") || relative.startsWith("META-INF/")
                        || relative.endsWith("module-info.class") || relative.endsWith("package-info.class")) {
                    continue;
                }
                out.add(read(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classes, e);
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** Every class in a jar or a class-output directory (as {@link #readDirectory}), sorted by name. */
    public static List<ClassInfo> readJarOrDirectory(Path location) {
        if (Files.isDirectory(location)) {
            return readDirectory(location);
        }
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(location, (ClassLoader) null)) {
            return readDirectory(jar.getPath("/"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /** The class named {@code internalName} as the class loader finds it; {@code null} when it has none. */
    public static ClassInfo readResource(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + internalName, e);
        }
    }

    /** Reads one class file. */
    public static ClassInfo read(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Set<String> references = new TreeSet<>();
        Set<String> memberReferences = new TreeSet<>();
        constantPoolReferences(reader, references, memberReferences);
        Collector collector = new Collector(references);
        reader.accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        references.remove(collector.name);
        return new ClassInfo(collector.name, collector.access, collector.superName, collector.interfaces,
                collector.signature, collector.outerName, collector.local, collector.internalMarked,
                collector.deprecated, List.copyOf(collector.fields), List.copyOf(collector.methods),
                Set.copyOf(references), Set.copyOf(memberReferences));
    }

    /** Adds every class name a descriptor or signature mentions. */
    static void typesIn(String descriptorOrSignature, Set<String> into) {
        if (descriptorOrSignature == null) {
            return;
        }
        Matcher m = TYPE_IN_DESCRIPTOR.matcher(descriptorOrSignature);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    // Class constants and the descriptors of the members a class calls or reads: a type a class only passes along
    // (a call's parameter type) appears only there.
    private static void constantPoolReferences(ClassReader reader, Set<String> into, Set<String> members) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue;
            }
            int tag = reader.readByte(offset - 1);
            if (tag == CONSTANT_CLASS) {
                String name = reader.readUTF8(offset, buffer);
                if (name.startsWith("[")) {
                    typesIn(name, into);
                } else {
                    into.add(name);
                }
            } else if (tag == CONSTANT_NAME_AND_TYPE) {
                typesIn(reader.readUTF8(offset + 2, buffer), into);
            } else if (tag == CONSTANT_FIELDREF || tag == CONSTANT_METHODREF || tag == CONSTANT_INTERFACE_METHODREF) {
                String owner = reader.readClass(offset, buffer);
                int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                members.add(ClassInfo.memberKey(owner, reader.readUTF8(nameAndType, buffer),
                        reader.readUTF8(nameAndType + 2, buffer)));
            } else if (tag == CONSTANT_METHOD_TYPE) {
                typesIn(reader.readUTF8(offset, buffer), into);
            }
        }
    }

    private static final class Collector extends ClassVisitor {
        private final Set<String> references;
        String name;
        int access;
        String superName;
        List<String> interfaces;
        String signature;
        String outerName;
        boolean local;
        boolean internalMarked;
        boolean deprecated;
        final List<ClassInfo.MemberInfo> fields = new ArrayList<>();
        final List<ClassInfo.MemberInfo> methods = new ArrayList<>();

        Collector(Set<String> references) {
            super(Opcodes.ASM9);
            this.references = references;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.name = name;
            this.access = access;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
            this.signature = signature;
            this.deprecated = (access & Opcodes.ACC_DEPRECATED) != 0;
            if (superName != null) {
                references.add(superName);
            }
            references.addAll(this.interfaces);
            typesIn(signature, references);
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            local = true;
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (name.equals(this.name)) {
                if (outerName == null || innerName == null) {
                    local = true;
                } else {
                    this.outerName = outerName;
                    this.access = access | (this.access & Opcodes.ACC_DEPRECATED);
                }
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            typesIn(descriptor, references);
            if (INTERNAL_API.equals(descriptor)) {
                internalMarked = true;
            }
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            typesIn(descriptor, references);
            typesIn(signature, references);
            MemberBuilder member = new MemberBuilder(access, name, descriptor, signature, null);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    typesIn(annotation, references);
                    member.internal |= INTERNAL_API.equals(annotation);
                    return null;
                }

                @Override
                public void visitEnd() {
                    fields.add(member.build());
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            typesIn(descriptor, references);
            typesIn(signature, references);
            if (exceptions != null) {
                references.addAll(List.of(exceptions));
            }
            MemberBuilder member = new MemberBuilder(access, name, descriptor, signature, exceptions);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    typesIn(annotation, references);
                    member.internal |= INTERNAL_API.equals(annotation);
                    return null;
                }

                @Override
                public void visitEnd() {
                    methods.add(member.build());
                }
            };
        }
    }

    private static final class MemberBuilder {
        final int access;
        final String name;
        final String descriptor;
        final String signature;
        final List<String> exceptions;
        boolean internal;

        MemberBuilder(int access, String name, String descriptor, String signature, String[] exceptions) {
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
            this.signature = signature;
            this.exceptions = exceptions == null ? List.of() : List.of(exceptions);
        }

        ClassInfo.MemberInfo build() {
            return new ClassInfo.MemberInfo(access, name, descriptor, signature, exceptions, internal,
                    (access & Opcodes.ACC_DEPRECATED) != 0);
        }
    }
}
