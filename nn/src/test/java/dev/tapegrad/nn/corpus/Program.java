package dev.tapegrad.nn.corpus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One program of the differential corpus, as {@code tools/pytorch/make_corpus.py} wrote it: input nodes
 * (node {@code k} is input {@code k}), then ops (node {@code inputs.size() + j} is op {@code j}), the last
 * op being the output; the seed of the output's gradient; and PyTorch float64's value of every node, its
 * gradient of every variable input, and the rounding magnitudes of both (see {@link Tolerance}).
 */
record Program(String id, List<Input> inputs, List<JsonObject> ops, double[] seed, double[][] values,
               double[][] valueMags, double[][] grads, double[][] gradMags) {

    /** An input node: {@code kind} is tensor, constant, scalar, scalarConstant or param (of a Linear). */
    record Input(String kind, int[] shape, double[] values) {
        boolean variable() {
            return kind.equals("tensor") || kind.equals("scalar") || kind.equals("param");
        }
    }

    /** Parses one line of the corpus file (JSON with NaN and Infinity literals, as Python writes them). */
    static Program parse(String line) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        List<Input> inputs = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("inputs")) {
            JsonObject in = e.getAsJsonObject();
            inputs.add(new Input(in.get("kind").getAsString(), ints(in.getAsJsonArray("shape")),
                    doubles(in.getAsJsonArray("values"))));
        }
        List<JsonObject> ops = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("ops")) {
            ops.add(e.getAsJsonObject());
        }
        return new Program(o.get("id").getAsString(), inputs, ops, doubles(o.getAsJsonArray("seed")),
                table(o.getAsJsonArray("values")), table(o.getAsJsonArray("valueMags")),
                table(o.getAsJsonArray("grads")), table(o.getAsJsonArray("gradMags")));
    }

    /** The shape of node {@code k} if it is an input, else {@code null}. */
    int[] inputsShape(int k) {
        return k < inputs.size() ? inputs.get(k).shape() : null;
    }

    /** The program as text, one node a line, for a failure message. */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < inputs.size(); k++) {
            Input in = inputs.get(k);
            b.append(String.format("  n%d = %s%s %s%n", k, in.kind(), java.util.Arrays.toString(in.shape()),
                    abbreviate(java.util.Arrays.toString(in.values()))));
        }
        for (int j = 0; j < ops.size(); j++) {
            JsonObject op = ops.get(j);
            StringBuilder params = new StringBuilder();
            for (Map.Entry<String, JsonElement> e : op.entrySet()) {
                if (!e.getKey().equals("op") && !e.getKey().equals("in")) {
                    params.append(", ").append(e.getKey()).append('=').append(e.getValue());
                }
            }
            StringBuilder args = new StringBuilder();
            for (JsonElement a : op.getAsJsonArray("in")) {
                args.append(args.length() == 0 ? "" : ", ").append('n').append(a.getAsInt());
            }
            b.append(String.format("  n%d = %s(%s%s)%n", inputs.size() + j, op.get("op").getAsString(), args, params));
        }
        return b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    static int[] ints(JsonArray a) {
        int[] r = new int[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).getAsInt();
        }
        return r;
    }

    static double[] doubles(JsonArray a) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            // Python writes NaN, Infinity and -Infinity as bare literals; Gson reads them as strings.
            r[i] = Double.parseDouble(a.get(i).getAsString());
        }
        return r;
    }

    private static double[][] table(JsonArray a) {
        double[][] r = new double[a.size()][];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).isJsonNull() ? null : doubles(a.get(i).getAsJsonArray());
        }
        return r;
    }
}
