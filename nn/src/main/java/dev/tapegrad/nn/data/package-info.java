/**
 * Datasets for training: feature rows with target rows or class indices
 * ({@link dev.tapegrad.nn.data.Dataset}), read from CSV files ({@link dev.tapegrad.nn.data.CsvDataset}),
 * split into seeded, optionally stratified training and test parts, cut into seeded shuffled
 * mini-batches, and standardised with statistics fitted on the training part
 * ({@link dev.tapegrad.nn.data.Standardization}, a layer, so the model applies it to what it predicts).
 *
 * <pre>{@code
 * RandomGenerator rng = new SplittableRandom(42);
 * Dataset data = CsvDataset.read(Path.of("wine.csv"), "class");
 * Dataset.Split split = data.stratifiedSplit(0.2, rng);
 * Standardization scale = Standardization.fit(split.train());
 * Sequential mlp = Mlp.builder(data.numFeatures(), 64, data.numClasses()).hidden(ReLU::new).linearOutput().build(rng);
 * Sequential model = new Sequential(scale, mlp);       // raw rows in, logits out
 * }</pre>
 */
package dev.tapegrad.nn.data;
